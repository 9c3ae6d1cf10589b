import Foundation
import MirrorPlanTestSupport
import Testing

@testable import EC2Query

@Suite struct TransportTests {
    @Test("URLSessionTransport: a signed POST reaches a loopback server intact, and the server can verify it")
    func roundTrip() async throws {
        let server = try LoopbackHTTPServer { request in
            HTTPResponse(
                status: 200, headers: ["Content-Type": "text/xml"],
                body: Data(
                    "<DeleteTrafficMirrorFilterResponse><requestId>r</requestId><trafficMirrorFilterId>tmf-9</trafficMirrorFilterId></DeleteTrafficMirrorFilterResponse>"
                        .utf8))
        }
        defer { server.stop() }
        let environment = ClientEnvironment(
            now: { Date() }, monotonicSeconds: { 0 }, random: { 0 }, sleeper: RecordingSleeper())
        let client = EC2Client(
            query: QueryClient(
                service: .ec2(endpoint: server.baseURL, region: "us-east-1"),
                transport: URLSessionTransport(timeout: 5),
                credentials: StaticCredentialProvider(TestClients.credentials),
                retry: RetryController(configuration: RetryConfiguration(), environment: environment),
                environment: environment))
        #expect(try await client.deleteTrafficMirrorFilter(id: "tmf-9") == "tmf-9")
        let received = try #require(server.requests.first)
        #expect(
            String(decoding: received.body, as: UTF8.self)
                == "Action=DeleteTrafficMirrorFilter&Version=2016-11-15&TrafficMirrorFilterId=tmf-9")
        #expect(received.headers["content-type"] == "application/x-www-form-urlencoded; charset=utf-8")
        let asSigned = SigV4Request(
            method: received.method, path: received.path,
            headers: received.headers.map { SigV4Header(name: $0.key, value: $0.value) }, body: received.body)
        let authorization = try SigV4Signer.verify(asSigned, credentials: TestClients.credentials, service: "ec2")
        #expect(authorization.signedHeaders == ["content-type", "host", "x-amz-date"])
    }

    @Test("a refused connection is a transient error: retried, then reported with the action")
    func connectionRefused() async throws {
        let port = try LoopbackListener.freePort()  // nothing listens there
        let sleeper = RecordingSleeper()
        let environment = TestClients.environment(sleeper: sleeper)
        let client = EC2Client(
            query: QueryClient(
                service: .ec2(endpoint: URL(string: "http://127.0.0.1:\(port)")!, region: "us-east-1"),
                transport: URLSessionTransport(timeout: 5),
                credentials: StaticCredentialProvider(TestClients.credentials),
                retry: RetryController(configuration: RetryConfiguration(), environment: environment),
                environment: environment))
        let error = try await #require(throws: EC2ClientError.self) { try await client.describeTrafficMirrorFilters() }
        #expect(error.isConnectionError)
        #expect(error.description.contains("DescribeTrafficMirrorFilters failed: could not reach the endpoint"))
        #expect(sleeper.recorded.count == 2)
    }

    @Test("AuthFailure names the credentials' source and access key id, never the secret")
    func authFailureNamesCredentials() async throws {
        let transport = ScriptedTransport(
            xml:
                "<Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message></Error></Errors><RequestID>req-9</RequestID></Response>",
            status: 401)
        let error = try await #require(throws: EC2ServiceError.self) {
            try await TestClients.ec2(transport).describeTrafficMirrorTargets()
        }
        #expect(
            error.description
                == "DescribeTrafficMirrorTargets failed: AuthFailure (HTTP 401): AWS was not able to validate the provided access credentials [request id req-9]; the request was signed with access key AKIDEXAMPLE from test keys — check that this key is active, its secret is right and it may call ec2:DescribeTrafficMirrorTargets"
        )
        #expect(!error.description.contains(TestClients.credentials.secretAccessKey))
    }

    @Test("DryRun success arrives as the DryRunOperation error and is not retried")
    func dryRun() async throws {
        let transport = ScriptedTransport(
            xml:
                "<Response><Errors><Error><Code>DryRunOperation</Code><Message>Request would have succeeded, but DryRun flag is set.</Message></Error></Errors><RequestID>d</RequestID></Response>",
            status: 412)
        let error = try await #require(throws: EC2ServiceError.self) {
            try await TestClients.ec2(transport).deleteTrafficMirrorSession(id: "tms-1", dryRun: true)
        }
        #expect(error.code == .dryRunOperation)
        #expect(transport.sent.count == 1)
        #expect(transport.sentBodies[0].hasSuffix("&DryRun=true"))
    }
}
