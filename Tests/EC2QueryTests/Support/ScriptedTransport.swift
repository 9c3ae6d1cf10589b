import Foundation
import Synchronization

@testable import EC2Query

/// A transport that answers from a script and records what was sent. Responses are consumed in order;
/// an `Error` entry is thrown instead of answering.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(any Error & Sendable)
    }

    private let state: Mutex<(steps: [Step], sent: [HTTPRequest])>

    init(_ steps: [Step]) { state = Mutex((steps, [])) }

    convenience init(xml bodies: String..., status: Int = 200) {
        self.init(bodies.map { .respond(HTTPResponse(status: status, body: Data($0.utf8))) })
    }

    var sent: [HTTPRequest] { state.withLock { $0.sent } }
    var sentBodies: [String] { sent.map { String(decoding: $0.body, as: UTF8.self) } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let step: Step? = state.withLock { state in
            state.sent.append(request)
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case nil: throw URLError(.cannotConnectToHost)
        }
    }
}

/// A sleeper that records requested delays and returns at once.
final class RecordingSleeper: Sleeper {
    private let delays = Mutex<[Double]>([])
    var recorded: [Double] { delays.withLock { $0 } }
    func sleep(seconds: Double) async throws { delays.withLock { $0.append(seconds) } }
}

/// A manual monotonic clock.
final class ManualClock: Sendable {
    private let value: Mutex<Double>
    init(_ start: Double = 1000) { value = Mutex(start) }
    var now: Double { value.withLock { $0 } }
    func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
}

enum TestClients {
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let fixedDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    static func environment(sleeper: RecordingSleeper = RecordingSleeper(), clock: ManualClock = ManualClock(),
                            random: Double = 0.5) -> ClientEnvironment {
        ClientEnvironment(now: { fixedDate }, monotonicSeconds: { clock.now }, random: { random }, sleeper: sleeper)
    }

    static func ec2(
        _ transport: any HTTPTransport, retry: RetryConfiguration = RetryConfiguration(),
        environment: ClientEnvironment = TestClients.environment(), logger: HTTPExchangeLogger? = nil,
        credentials: any CredentialProvider = StaticCredentialProvider(TestClients.credentials, source: "test keys")
    ) -> EC2Client {
        EC2Client(
            query: QueryClient(
                service: .ec2(endpoint: URL(string: "https://ec2.us-east-1.amazonaws.com")!, region: "us-east-1"),
                transport: transport, credentials: credentials,
                retry: RetryController(configuration: retry, environment: environment), environment: environment,
                logger: logger))
    }
}

/// Reads a committed fixture file.
enum Fixtures {
    static func url(_ path: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(path))) as? [String: Any] ?? [:]
    }
}
