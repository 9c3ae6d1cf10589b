import Foundation
import Synchronization
import Testing

@testable import EC2Query

/// `--debug` shows every exchange, never the secrets.
@Suite struct DebugLoggingTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined(separator: "\n") } }
        var logger: HTTPExchangeLogger { HTTPExchangeLogger { line in self.lines.withLock { $0.append(line) } } }
    }

    @Test("requests and responses are logged with Authorization, security token and secrets redacted")
    func redactsSecrets() async throws {
        let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        let token = "FQoGZXIvYXdzEJr//////////wEaDEXAMPLETOKEN"
        let lines = Lines()
        let transport = ScriptedTransport(
            xml: """
                <DescribeTrafficMirrorTargetsResponse><requestId>req-1</requestId><trafficMirrorTargetSet/></DescribeTrafficMirrorTargetsResponse>
                """)
        let client = TestClients.ec2(
            transport, logger: lines.logger,
            credentials: StaticCredentialProvider(
                AWSCredentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: secret, sessionToken: token)))
        _ = try await client.describeTrafficMirrorTargets()
        let text = lines.text
        let sent = try #require(transport.sent.first)
        let signature = try #require(sent.header("Authorization")?.components(separatedBy: "Signature=").last)
        #expect(text.contains("--> POST https://ec2.us-east-1.amazonaws.com"))
        #expect(text.contains("Action=DescribeTrafficMirrorTargets&Version=2016-11-15&MaxResults=1000"))
        #expect(text.contains("<-- 200 POST"))
        #expect(text.contains("req-1"))
        #expect(text.contains("Authorization: <redacted>"))
        #expect(text.contains("X-Amz-Security-Token: <redacted>"))
        #expect(!text.contains(secret))
        #expect(!text.contains(token))
        #expect(!text.contains(signature))
    }

    @Test(
        "secrets inside bodies are redacted: STS XML, IMDS JSON, form parameters",
        arguments: [
            "<AssumeRoleResult><Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>S3CR3T</SecretAccessKey><SessionToken>T0K3N</SessionToken></Credentials></AssumeRoleResult>",
            "{\"AccessKeyId\": \"ASIA1\", \"SecretAccessKey\": \"S3CR3T\", \"Token\": \"T0K3N\", \"Expiration\": \"2099-01-01T00:00:00Z\"}",
            "Action=X&SecretAccessKey=S3CR3T&SessionToken=T0K3N&Other=1",
            "<a:SecretAccessKey>S3CR3T</a:SecretAccessKey><a:Token>T0K3N</a:Token>",
        ])
    func redactsBodies(body: String) {
        let lines = Lines()
        lines.logger.log(
            response: HTTPResponse(status: 200, body: Data(body.utf8)),
            for: HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1/")!))
        #expect(!lines.text.contains("S3CR3T"))
        #expect(!lines.text.contains("T0K3N"))
        #expect(lines.text.contains("<redacted>"))
        #expect(lines.text.contains("ASIA1") || lines.text.contains("Other=1") || lines.text.contains("a:Token"))
    }

    @Test("IMDS token headers are redacted too")
    func redactsIMDSToken() {
        let lines = Lines()
        lines.logger.log(
            request: HTTPRequest(
                method: "GET", url: URL(string: "http://169.254.169.254/latest/meta-data/")!,
                headers: [(name: "X-aws-ec2-metadata-token", value: "IMDSTOKEN")]))
        #expect(!lines.text.contains("IMDSTOKEN"))
    }
}
