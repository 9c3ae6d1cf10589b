import Foundation

/// A parsed `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=…` header, for servers that verify signatures.
public struct SigV4Authorization: Sendable, Hashable {
    public var accessKeyID: String
    /// `20150830`
    public var dateStamp: String
    public var region: String
    public var service: String
    public var signedHeaders: [String]
    public var signature: String

    /// Nil when the header is not a well-formed SigV4 authorization.
    public init?(header: String) {
        let prefix = "AWS4-HMAC-SHA256 "
        guard header.hasPrefix(prefix) else { return nil }
        var fields: [String: String] = [:]
        for part in header.dropFirst(prefix.count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[String(pair[0])] = String(pair[1])
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
            let signature = fields["Signature"]
        else { return nil }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request", !scope[0].isEmpty else { return nil }
        accessKeyID = scope[0]
        dateStamp = scope[1]
        region = scope[2]
        service = scope[3]
        signedHeaders = signed.split(separator: ";").map(String.init)
        self.signature = signature
    }
}
