import Crypto
import Foundation

/// AWS Signature Version 4 for one region and service. A pure value: the time is always passed in.
///
/// Clients call `sign(_:credentials:date:)`; a server that checks signatures (the lab) parses the received
/// `Authorization` header with `SigV4Authorization` and calls `signature(for:signedHeaders:credentials:date:)`
/// or `verify(_:credentials:)` with the same inputs.
public struct SigV4Signer: Sendable, Hashable {
    public var region: String
    public var service: String

    public init(region: String, service: String) {
        self.region = region
        self.service = service
    }

    /// Headers that proxies or the HTTP stack may change, so they are never signed (botocore's list).
    static let unsignedHeaders: Set<String> = ["user-agent", "expect", "x-amzn-trace-id", "authorization"]

    /// Returns `request` with `X-Amz-Date`, `X-Amz-Security-Token` (for temporary credentials) and
    /// `Authorization` set. Every other header present is signed.
    public func sign(_ request: HTTPRequest, credentials: AWSCredentials, date: Date) -> HTTPRequest {
        var headers = request.headers.filter {
            let name = $0.name.lowercased()
            return name != "authorization" && name != "x-amz-date"
                && !(credentials.sessionToken != nil && name == "x-amz-security-token")
        }
        if request.header("host") == nil, let host = Self.hostHeader(for: request.url) {
            headers.append((name: "Host", value: host))
        }
        headers.append((name: "X-Amz-Date", value: Self.amzDate(date)))
        if let token = credentials.sessionToken { headers.append((name: "X-Amz-Security-Token", value: token)) }
        var signed = request
        signed.headers = headers
        let parts = SigV4Request(signed)
        let names = parts.headers.map { $0.name.lowercased() }.filter { !Self.unsignedHeaders.contains($0) }
        let authorization = authorizationHeader(for: parts, signedHeaders: names, credentials: credentials, date: date)
        signed.headers.append((name: "Authorization", value: authorization))
        return signed
    }

    /// The value of the `Authorization` header for a request whose other headers are final.
    public func authorizationHeader(
        for request: SigV4Request, signedHeaders: [String], credentials: AWSCredentials, date: Date
    ) -> String {
        let canonical = CanonicalRequest(request, signing: signedHeaders)
        let signature = signature(canonical: canonical, secret: credentials.secretAccessKey, date: date)
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(date)), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
    }

    /// Recomputes the hex signature of a received request: the server-side half of SigV4.
    /// `signedHeaders` come from the request's `Authorization` header, `date` from its credential scope / `X-Amz-Date`.
    public func signature(
        for request: SigV4Request, signedHeaders: [String], credentials: AWSCredentials, date: Date
    ) -> String {
        signature(
            canonical: CanonicalRequest(request, signing: signedHeaders), secret: credentials.secretAccessKey,
            date: date)
    }

    /// The canonical request text (step 1), exposed so tests and servers can show what was signed.
    public func canonicalRequest(for request: SigV4Request, signedHeaders: [String]) -> String {
        CanonicalRequest(request, signing: signedHeaders).text
    }

    /// The string to sign (step 2).
    public func stringToSign(for request: SigV4Request, signedHeaders: [String], date: Date) -> String {
        stringToSign(canonical: CanonicalRequest(request, signing: signedHeaders), date: date)
    }

    func stringToSign(canonical: CanonicalRequest, date: Date) -> String {
        ["AWS4-HMAC-SHA256", Self.amzDate(date), scope(date), CanonicalRequest.hexSHA256(Data(canonical.text.utf8))]
            .joined(separator: "\n")
    }

    func signature(canonical: CanonicalRequest, secret: String, date: Date) -> String {
        let key = signingKey(secret: secret, date: date)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(stringToSign(canonical: canonical, date: date).utf8), using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    func signingKey(secret: String, date: Date) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(secret)".utf8))
        for part in [Self.dateStamp(date), region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    func scope(_ date: Date) -> String { "\(Self.dateStamp(date))/\(region)/\(service)/aws4_request" }

    /// `20150830T123600Z`
    public static func amzDate(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// `20150830`
    static func dateStamp(_ date: Date) -> String { String(amzDate(date).prefix(8)) }

    /// Parses `20150830T123600Z`; nil when malformed.
    public static func parseAmzDate(_ text: String) -> Date? {
        let digits = Array(text.utf8)
        guard digits.count == 16, digits[8] == UInt8(ascii: "T"), digits[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: digits[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        let components = DateComponents(
            timeZone: TimeZone(identifier: "UTC"), year: year, month: month, day: day, hour: hour, minute: minute,
            second: second)
        return utcCalendar.date(from: components)
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    static func hostHeader(for url: URL) -> String? {
        guard let host = url.host else { return nil }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        if let port = url.port, !(url.scheme == "https" && port == 443), !(url.scheme == "http" && port == 80) {
            return "\(bracketed):\(port)"
        }
        return bracketed
    }
}
