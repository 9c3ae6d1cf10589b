import EC2Query
import Foundation
import Synchronization

/// What the served lab does with one HTTP request: answer it, or close the connection without answering.
public enum LabOutcome: Sendable, Hashable {
    case respond(HTTPResponse)
    case drop
}

/// The served lab's decisions, shared by all connections: signature check, fault injection, throttling,
/// the emulator, stats and write-through persistence. Time comes from the injected clock.
public final class LabService: Sendable {
    public struct Options: Sendable {
        public var throttle: Bool = false
        public var throttleScale: Double = 1
        public var failRate: Double = 0
        public var seed: UInt64 = 0
        /// Checks a request's signature; nil accepts any credentials. Returns the error to answer with.
        public var verifier: (@Sendable (HTTPRequest) -> LabError?)?

        public init(
            throttle: Bool = false, throttleScale: Double = 1, failRate: Double = 0, seed: UInt64 = 0,
            verifier: (@Sendable (HTTPRequest) -> LabError?)? = nil
        ) {
            self.throttle = throttle
            self.throttleScale = throttleScale
            self.failRate = failRate
            self.seed = seed
            self.verifier = verifier
        }
    }

    private struct Inner: Sendable {
        var emulator: LabEmulator
        var throttle: ThrottlePolicy?
        var faults: FaultPlan
        var stats = LabStats()
    }

    private let inner: Mutex<Inner>
    private let options: Options
    private let clock: @Sendable () -> Double
    private let persist: (@Sendable (LabState) throws -> Void)?

    public init(
        state: LabState, options: Options = Options(), clock: @escaping @Sendable () -> Double,
        persist: (@Sendable (LabState) throws -> Void)? = nil
    ) {
        inner = Mutex(
            Inner(
                emulator: LabEmulator(state: state),
                throttle: options.throttle ? ThrottlePolicy(scale: options.throttleScale) : nil,
                faults: FaultPlan(rate: options.failRate, seed: options.seed)))
        self.options = options
        self.clock = clock
        self.persist = persist
    }

    public var stats: LabStats { inner.withLock { $0.stats } }
    public var state: LabState { inner.withLock { $0.emulator.state } }

    public func handle(_ request: HTTPRequest) -> LabOutcome {
        let path = request.url.path.isEmpty ? "/" : request.url.path
        if request.method == "GET" && path == "/_lab/stats" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            let body = (try? encoder.encode(stats)) ?? Data("{}".utf8)
            return .respond(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: body))
        }
        guard path == "/", request.method == "POST" || request.method == "GET" else {
            return .respond(
                Self.xml(
                    LabError(
                        code: "InvalidAction",
                        message:
                            "The lab answers EC2 Query requests on POST / (and GET /_lab/stats); got \(request.method) \(path.prefix(100)).",
                        status: 404), requestId: "lab"))
        }
        let action =
            (try? QueryParameters(formEncoded: request.body))?["Action"]
            ?? (try? QueryParameters(formEncoded: request.url.query ?? ""))?["Action"] ?? "(none)"
        let now = clock()
        let signatureError = options.verifier?(request)
        let persist = self.persist
        return inner.withLock { inner -> LabOutcome in
            inner.stats.requests[action, default: 0] += 1
            if let signatureError {
                inner.stats.rejectedSignatures += 1
                inner.stats.errors[signatureError.code, default: 0] += 1
                return .respond(Self.xml(signatureError, requestId: inner.emulator.state.random.requestId()))
            }
            switch inner.faults.next() {
            case .none: break
            case .dropConnection:
                inner.stats.droppedConnections += 1
                return .drop
            case .internalError, .serviceUnavailable:
                let error = inner.stats.injectedFailures % 2 == 0 ? LabError.internalError : LabError.unavailable
                inner.stats.injectedFailures += 1
                inner.stats.errors[error.code, default: 0] += 1
                return .respond(Self.xml(error, requestId: inner.emulator.state.random.requestId()))
            }
            if inner.throttle?.admit(action: action, now: now) == false {
                inner.stats.throttled += 1
                inner.stats.errors[LabError.throttled.code, default: 0] += 1
                return .respond(Self.xml(.throttled, requestId: inner.emulator.state.random.requestId()))
            }
            let response = inner.emulator.handle(body: request.body, urlQuery: request.url.query)
            if let code = response.errorCode { inner.stats.errors[code, default: 0] += 1 }
            // Written inside the lock, so concurrent requests cannot save their states out of order.
            if response.changedState, let persist {
                do { try persist(inner.emulator.state) } catch {
                    return .respond(
                        Self.xml(
                            LabError(
                                code: "InternalError", message: "The lab could not save or apply the change: \(error)",
                                status: 500), requestId: "lab"))
                }
            }
            return .respond(
                HTTPResponse(
                    status: response.status, headers: ["Content-Type": "text/xml;charset=UTF-8"],
                    body: Data(response.body.utf8)))
        }
    }

    static func xml(_ error: LabError, requestId: String) -> HTTPResponse {
        HTTPResponse(
            status: error.status, headers: ["Content-Type": "text/xml;charset=UTF-8"],
            body: Data(EC2Envelope.error(error, requestId: requestId).utf8))
    }
}
