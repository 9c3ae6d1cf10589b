import Foundation
import Testing

@testable import EC2Query

/// The URLSession transport against a loopback server that misbehaves on purpose, through the real client
/// (signing, retries, decoding). Retry sleeps are recorded, not slept.
@Suite struct ConnectionFaultTests {
    static let ok =
        "<DeleteTrafficMirrorFilterResponse><requestId>r</requestId><trafficMirrorFilterId>tmf-9</trafficMirrorFilterId></DeleteTrafficMirrorFilterResponse>"
    static let internalError =
        "<Response><Errors><Error><Code>InternalError</Code><Message>boom</Message></Error></Errors><RequestID>e</RequestID></Response>"

    static func client(_ server: FaultyHTTPServer, timeout: TimeInterval, sleeper: RecordingSleeper) -> EC2Client {
        let environment = TestClients.environment(sleeper: sleeper)
        return EC2Client(
            query: QueryClient(
                service: .ec2(endpoint: server.baseURL, region: "us-east-1"),
                transport: URLSessionTransport(timeout: timeout),
                credentials: StaticCredentialProvider(TestClients.credentials),
                retry: RetryController(configuration: RetryConfiguration(maxAttempts: 5), environment: environment),
                environment: environment))
    }

    /// The case that used to hang: a 500 on a keep-alive connection, then a reset of the next request. libcurl
    /// retried that request on a fresh connection without its body, so it sat until the 60 s timeout.
    @Test("a reset after a keep-alive answer is retried at once and the call succeeds")
    func resetIsRetried() async throws {
        let server = try FaultyHTTPServer([
            .respond(status: 500, body: Self.internalError, keepAlive: true), .reset,
            .respond(status: 200, body: Self.ok, keepAlive: true),
        ])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let started = Date()
        let id = try await Self.client(server, timeout: 60, sleeper: sleeper).deleteTrafficMirrorFilter(id: "tmf-9")
        #expect(id == "tmf-9")
        #expect(server.completeRequests == 3)
        #expect(server.resets == 1)
        #expect(server.incompleteRequests == 0)  // no request went out without its body
        #expect(sleeper.recorded.count == 2)  // two retries: after the 500 and after the reset
        #expect(Date().timeIntervalSince(started) < 20)  // sanity: far below the 60 s timeout
    }

    @Test("keep-alive: sequential calls share one connection")
    func keepAlive() async throws {
        let server = try FaultyHTTPServer([.respond(status: 200, body: Self.ok, keepAlive: true)])
        defer { server.stop() }
        let client = Self.client(server, timeout: 10, sleeper: RecordingSleeper())
        for _ in 0..<4 { #expect(try await client.deleteTrafficMirrorFilter(id: "tmf-9") == "tmf-9") }
        #expect(server.completeRequests == 4)
        #expect(server.connections == 1)
    }

    @Test("a server that never answers hits the read timeout: a timeout error after the retries")
    func silenceTimesOut() async throws {
        let server = try FaultyHTTPServer([.silence])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let error = try await #require(throws: EC2ClientError.self) {
            try await Self.client(server, timeout: 1, sleeper: sleeper).deleteTrafficMirrorFilter(id: "tmf-9")
        }
        #expect(error.isTimeout)
        #expect(error.description.contains("DeleteTrafficMirrorFilter failed: the endpoint did not answer in time"))
        #expect(server.completeRequests == 5)
    }

    @Test(
        "a garbage answer is a typed connection error, never a trap",
        arguments: [
            Array("hello, not http\r\n\r\n".utf8), [0, 255, 13, 10, 13, 10, 1, 2],
            Array("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort".utf8),
            Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".utf8),
            Array("HTTP/1.1 200 OK\r\n".utf8), [],
        ])
    func garbageIsTyped(_ bytes: [UInt8]) async throws {
        let server = try FaultyHTTPServer([.raw(bytes)])
        defer { server.stop() }
        let error = try await #require(throws: EC2ClientError.self) {
            try await Self.client(server, timeout: 5, sleeper: RecordingSleeper()).deleteTrafficMirrorFilter(
                id: "tmf-9")
        }
        #expect(error.isConnectionError)
        #expect(error.description.hasPrefix("DeleteTrafficMirrorFilter failed: could not reach the endpoint"))
    }
}
