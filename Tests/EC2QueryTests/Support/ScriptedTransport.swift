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
