import Foundation

/// What `--debug` must never print: signatures, secret keys, session tokens and IMDS tokens, in headers and in
/// bodies (form-encoded, XML such as STS's AssumeRole response, JSON such as IMDS role credentials).
enum Redaction {
    static let placeholder = "<redacted>"
    static let secretHeaders: Set<String> = [
        "authorization", "x-amz-security-token", "x-aws-ec2-metadata-token", "x-amz-content-sha256-secret",
    ]
    /// Field names whose values are secrets in any body format.
    static let secretFields = [
        "SecretAccessKey", "SessionToken", "Token", "SecretKey", "aws_secret_access_key",
        "aws_session_token",
    ]

    static func headerValue(name: String, value: String) -> String {
        secretHeaders.contains(name.lowercased()) ? placeholder : value
    }

    static func body(_ data: Data) -> String {
        var text = String(decoding: data, as: UTF8.self)
        for field in secretFields {
            text = replace(
                in: text, pattern: "(<(?:[A-Za-z0-9_]+:)?\(field)>)[^<]*(</)", template: "$1\(placeholder)$2")
            text = replace(
                in: text, pattern: "(\"\(field)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")", template: "$1\(placeholder)$2")
            text = replace(
                in: text, pattern: "((?:^|&)(?:[A-Za-z0-9.]*\\.)?\(field)=)[^&]*()", template: "$1\(placeholder)$2")
        }
        return text
    }

    static func replace(in text: String, pattern: String, template: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return text }
        return regex.stringByReplacingMatches(
            in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
