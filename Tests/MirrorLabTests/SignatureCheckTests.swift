import EC2Query
import Foundation
import Testing

@testable import MirrorLab

/// `--verify-signatures`: requests signed by EC2Query's SigV4 signer pass; anything else gets EC2's auth codes.
@Suite struct SignatureCheckTests {
    static let date = Date(timeIntervalSince1970: 1_764_000_000)
    static let credentials = AWSCredentials(accessKeyID: "AKIDLAB", secretAccessKey: "labsecret")
    static let check = SignatureCheck(credentials: credentials, now: { date })

    static func signed(
        body: String = "Action=DescribeTrafficMirrorFilters&Version=2016-11-15",
        credentials: AWSCredentials = credentials, at date: Date = date
    ) -> HTTPRequest {
        let request = HTTPRequest(
            method: "POST", url: URL(string: "http://127.0.0.1:4566/")!,
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: Data(body.utf8))
        return SigV4Signer(region: "us-east-1", service: "ec2").sign(request, credentials: credentials, date: date)
    }

    @Test func signedRequestPasses() {
        #expect(Self.check.check(Self.signed()) == nil)
    }

    @Test func tamperedBodyIsSignatureDoesNotMatch() {
        var request = Self.signed()
        request.body = Data("Action=DeleteTrafficMirrorFilter&Version=2016-11-15".utf8)
        #expect(Self.check.check(request)?.code == "SignatureDoesNotMatch")
        #expect(Self.check.check(request)?.status == 403)
    }

    @Test func wrongSecretIsSignatureDoesNotMatch() {
        let request = Self.signed(credentials: AWSCredentials(accessKeyID: "AKIDLAB", secretAccessKey: "nope"))
        #expect(Self.check.check(request)?.code == "SignatureDoesNotMatch")
    }

    @Test func otherKeyIsAuthFailure() {
        let request = Self.signed(credentials: AWSCredentials(accessKeyID: "AKIDOTHER", secretAccessKey: "labsecret"))
        #expect(Self.check.check(request)?.code == "AuthFailure")
    }

    @Test func unsignedIsMissingAuthenticationToken() {
        let request = HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1/")!, body: Data())
        #expect(Self.check.check(request)?.code == "MissingAuthenticationToken")
    }

    @Test func staleDateIsRequestExpired() {
        #expect(Self.check.check(Self.signed(at: Self.date.addingTimeInterval(-3600)))?.code == "RequestExpired")
    }

    @Test(arguments: ["KEY:SECRET", "K:S:with:colons"]) func parsesArgument(_ text: String) {
        #expect(SignatureCheck(argument: text) != nil)
    }

    @Test(arguments: ["nocolon", ":secret", "key:"]) func rejectsArgument(_ text: String) {
        #expect(SignatureCheck(argument: text) == nil)
    }

    /// Over HTTP: the server rebuilds the request from the wire, so host, path and body must survive intact.
    @Test func servedLabVerifiesOverTheWire() throws {
        let service = LabService(state: LabState(), options: .init(verifier: { Self.check.check($0) }), clock: { 0 })
        let server = try LabServer(service: service, port: 0)
        server.start()
        defer { server.stop() }
        let body = "Action=DescribeTrafficMirrorFilters&Version=2016-11-15"
        let request = HTTPRequest(
            method: "POST", url: URL(string: "\(server.url)/")!,
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: Data(body.utf8))
        let signed = SigV4Signer(region: "us-east-1", service: "ec2").sign(
            request, credentials: Self.credentials, date: Self.date)
        var raw = "POST / HTTP/1.1\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n"
        for header in signed.headers { raw += "\(header.name): \(header.value)\r\n" }
        guard case .answered(let good) = RawHTTPClient.exchange(port: server.port, Array((raw + "\r\n" + body).utf8))
        else {
            Issue.record("no answer")
            return
        }
        #expect(good.hasPrefix("HTTP/1.1 200"), "\(good)")
        let forged = raw.replacingOccurrences(of: "Signature=", with: "Signature=0")
        guard case .answered(let bad) = RawHTTPClient.exchange(port: server.port, Array((forged + "\r\n" + body).utf8))
        else {
            Issue.record("no answer")
            return
        }
        #expect(bad.contains("<Code>SignatureDoesNotMatch</Code>") || bad.contains("<Code>AuthFailure</Code>"))
        #expect(service.stats.rejectedSignatures == 1)
    }
}
