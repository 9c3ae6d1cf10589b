import ArgumentParser
import Dispatch
import Foundation
import MirrorLab

/// `mirrorplan lab serve`: binds 127.0.0.1, prints "listening on http://127.0.0.1:PORT" as the first stdout
/// line, serves until SIGINT/SIGTERM.
struct LabServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the lab's EC2 API on 127.0.0.1.",
        discussion: """
            Point any AWS client at it, e.g. `aws ec2 describe-traffic-mirror-targets --endpoint-url http://127.0.0.1:4566`. \
            GET /_lab/stats returns request counts as JSON.
            """)

    @Option(help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port: UInt16 = 4566

    @Option(help: "Keep the lab's state in this JSON file (loaded at start, written after every change).")
    var state: String?

    @Option(help: "The lab's VPC, subnets and instances (YAML); default: Client, Server, Target in 10.0.1.0/24.")
    var topology: String?

    @Option(help: "Delay every answer, e.g. 50ms or 1s.")
    var latency: String = "0ms"

    @Option(help: "aws: EC2's token buckets (answers HTTP 503 RequestLimitExceeded); off: no throttling.")
    var throttle: ThrottleMode = .off

    @Option(help: "Multiply the token buckets' refill rates (for fast tests).")
    var throttleScale: Double = 1

    @Option(
        help: "Fraction of requests that fail on purpose: InternalError, ServiceUnavailable or a dropped connection.")
    var failRate: Double = 0

    @Option(
        help: ArgumentHelp(
            "Accept only requests SigV4-signed with this key pair (otherwise any credentials).",
            valueName: "KEY_ID:SECRET"))
    var verifySignatures: String?

    @Option(
        help:
            "Hide each new traffic-mirroring resource from the next N Describe calls of its kind (EC2's eventual consistency)."
    )
    var consistencyLag: Int = 0

    @Option(help: "Seed for generated IDs, VNIs and injected faults.")
    var seed: UInt64 = 0x6D69_7272_6F72

    @Option(
        help:
            "netns: each instance is a network namespace and sessions are kernel VXLAN with tc mirroring (root); none: API only."
    )
    var dataplane: DataPlaneMode = .none

    enum ThrottleMode: String, ExpressibleByArgument, CaseIterable { case aws, off }
    enum DataPlaneMode: String, ExpressibleByArgument, CaseIterable { case netns, none }

    func validate() throws {
        guard (0...1).contains(failRate) else {
            throw ValidationError("--fail-rate must be between 0 and 1, e.g. 0.05.")
        }
        guard (0...100).contains(consistencyLag) else { throw ValidationError("--consistency-lag must be 0 to 100.") }
        guard throttleScale > 0, throttleScale.isFinite else {
            throw ValidationError("--throttle-scale must be a positive number.")
        }
        if let verifySignatures, SignatureCheck(argument: verifySignatures) == nil {
            throw ValidationError("--verify-signatures takes KEY_ID:SECRET, both non-empty.")
        }
        guard Self.parseLatency(latency) != nil else {
            throw ValidationError("--latency must be a duration such as 50ms, 1.5s or 0; got '\(latency)'.")
        }
    }

    /// `50ms`, `1.5s`, `0` → a duration (at most one minute).
    static func parseLatency(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let (number, scale): (Substring, Double) =
            trimmed.hasSuffix("ms")
            ? (trimmed.dropLast(2), 1e-3)
            : trimmed.hasSuffix("s") ? (trimmed.dropLast(), 1) : (Substring(trimmed), 1e-3)
        guard let value = Double(number), value >= 0, value * scale <= 60 else { return nil }
        return .milliseconds(Int64((value * scale * 1000).rounded()))
    }

    func run() async throws {
        let topologyValue: Topology
        if let topology {
            let text: String
            do { text = try String(contentsOfFile: topology, encoding: .utf8) } catch {
                throw ValidationError("cannot read the topology file \(topology): \(error.localizedDescription)")
            }
            topologyValue = try Topology(yaml: text, file: topology)
        } else {
            topologyValue = .standard
        }
        let seed = self.seed
        let lag = consistencyLag
        let initial: @Sendable () -> LabState = { LabState(topology: topologyValue, seed: seed, consistencyLag: lag) }
        var stateFile: StateFile?
        if let state { stateFile = StateFile(url: URL(fileURLWithPath: state), initial: initial) }
        if let state, topology != nil, FileManager.default.fileExists(atPath: state) {
            FileHandle.standardError.write(
                Data(
                    "mirrorplan lab: \(state) exists, so its instances are used and --topology is ignored; delete it to start from the topology\n"
                        .utf8))
        }
        let labState = try stateFile?.load() ?? initial()
        var persist: (@Sendable (LabState) throws -> Void)?
        if let file = stateFile { persist = { try file.store($0) } }
        var plane: DataPlane?
        if dataplane == .netns {
            if let reason = DataPlane.unavailableReason() { throw CommandFailure(reason.description) }
            // One served lab per state file; without one, per process.
            let identity = state.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "serve:\(getpid())"
            let dataPlane = DataPlane(names: DataPlaneNames(identity: identity))
            do { try dataPlane.sync(state: labState) } catch {
                try? dataPlane.down()
                throw CommandFailure(error.description)
            }
            let store = persist
            // Every successful change reaches the kernel before its answer goes out.
            persist = { state in
                try store?(state)
                try dataPlane.sync(state: state)
            }
            plane = dataPlane
            FileHandle.standardError.write(
                Data("mirrorplan lab: data plane up (namespaces \(dataPlane.names.prefix)-*)\n".utf8))
        }
        let start = ContinuousClock.now
        let clock: @Sendable () -> Double = {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        var options = LabService.Options(
            throttle: throttle == .aws, throttleScale: throttleScale, failRate: failRate, seed: seed)
        if let check = verifySignatures.flatMap({ SignatureCheck(argument: $0) }) {
            options.verifier = { check.check($0) }
        }
        let service = LabService(state: labState, options: options, clock: clock, persist: persist)
        let server: LabServer
        do { server = try LabServer(service: service, port: port, latency: Self.parseLatency(latency) ?? .zero) } catch
        {
            try? plane?.down()
            throw error
        }
        server.start()
        FileHandle.standardOutput.write(Data("listening on \(server.url)\n".utf8))
        FileHandle.standardError.write(
            Data(
                "mirrorplan lab: serving EC2 on \(server.url) (throttle \(throttle.rawValue), fail rate \(failRate), signatures \(verifySignatures == nil ? "not checked" : "checked")); Ctrl-C stops\n"
                    .utf8))
        await Self.waitForTerminationSignal()
        server.stop()
        // Let in-flight answers finish (they take milliseconds), but never hang on a stuck client.
        for _ in 0..<200 where server.openConnectionCount > 0 { try? await Task.sleep(for: .milliseconds(10)) }
        if let plane {
            do { try plane.down() } catch {
                FileHandle.standardError.write(Data("mirrorplan lab: removing the data plane failed: \(error)\n".utf8))
            }
        }
        FileHandle.standardError.write(Data("mirrorplan lab: stopped\n".utf8))
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    static func waitForTerminationSignal() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumed = SignalLatch(continuation)
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { resumed.fire() }
                source.resume()
                resumed.keep(source)
            }
        }
    }
}

/// Resumes the waiting continuation once, and keeps the signal sources alive until then.
private final class SignalLatch: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

    func keep(_ source: any DispatchSourceSignal) { lock.withLock { sources.append(source) } }

    func fire() {
        let pending = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { continuation = nil }
            return continuation
        }
        pending?.resume()
    }
}
