import Crypto
import Foundation

/// Step 1 of SigV4: the canonical request string, built from a request and the header names to sign.
struct CanonicalRequest: Sendable, Hashable {
    let text: String
    /// `host;x-amz-date` etc: the lower-cased, sorted names that were signed.
    let signedHeaders: String

    init(_ request: SigV4Request, signing headerNames: [String]) {
        let names = Set(headerNames.map { $0.lowercased() }).sorted()
        let headerLines = names.map { name in
            // Repeated headers join with commas in wire order; values are trimmed and inner runs of
            // whitespace (including folded lines) collapse to one space.
            "\(name):" + request.values(of: name).map(Self.normalizedHeaderValue).joined(separator: ",")
        }
        signedHeaders = names.joined(separator: ";")
        text = [
            request.method.uppercased(),
            Self.canonicalURI(request.path),
            Self.canonicalQuery(request.query),
            headerLines.joined(separator: "\n") + "\n",
            signedHeaders,
            Self.hexSHA256(request.body),
        ].joined(separator: "\n")
    }

    static func hexSHA256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func normalizedHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// Removes `.` and `..` segments and empty segments, keeps a trailing slash, then percent-encodes
    /// every byte outside the unreserved set and `/` (non-S3 services, as botocore does).
    static func canonicalURI(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        var normalized = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !segments.isEmpty { normalized += "/" }
        return PercentEncoding.encode(normalized, keepingSlash: true)
    }

    /// Decodes each `key=value` pair, re-encodes it with the SigV4 rules and sorts by key, then value.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs: [(String, String)] = query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = PercentEncoding.decode(String(parts[0]))
            let value = parts.count > 1 ? PercentEncoding.decode(String(parts[1])) : ""
            return (PercentEncoding.encode(key), PercentEncoding.encode(value))
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }
}
