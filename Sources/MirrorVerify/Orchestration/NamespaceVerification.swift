import Dispatch
import PacketCapture
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Orchestrated verify on network namespaces: for each check, capture on the target, send the check's traffic
/// from its source, wait for the mirrored copies, and judge with the same tally as `--pcap`/`--interface`.
public enum NamespaceVerification {
    /// How long the capture keeps running after the traffic is done, for mirrored copies still in flight.
    public static let settleNanoseconds: Int64 = 1_000_000_000

    /// Runs the checks one after another; `log` gets one line per check about the traffic sent.
    public static func verify(
        _ checks: [NamespaceCheck], log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(LiveCaptureError) -> VerificationReport {
        var results: [CheckResult] = []
        var summary = CaptureSummary()
        for item in checks {
            let report = try verify(item, log: log)
            results += report.results
            summary = summary.merging(report.summary)
        }
        return VerificationReport(results: results, summary: summary)
    }

    static func verify(_ item: NamespaceCheck, log: @escaping @Sendable (String) -> Void) throws(LiveCaptureError)
        -> VerificationReport
    {
        let check = item.check
        var listener: TCPListener?
        if case .tcp(let port) = check.traffic {
            listener = try item.to.start("verify-listener") { () throws(LiveCaptureError) in try TCPListener(port: port)
            }.wait()
        }
        defer { listener?.stop() }
        let trafficDone = Mutex<Int64?>(nil)
        // Set once the traffic thread exists: if it could not even enter its namespace, stop capturing at once.
        let trafficThread = Mutex<NamespaceThread<String>?>(nil)
        let capturing = DispatchSemaphore(value: 0)
        let started = EchoProber.monotonicNow()
        let timeout = item.timeoutNanoseconds
        let capture = item.capture.start("verify-capture") { () throws(LiveCaptureError) -> VerificationReport in
            do {
                return try LiveVerification.verify(
                    interface: item.captureInterface, checks: [check], ready: { capturing.signal() },
                    shouldStop: {
                        let now = EchoProber.monotonicNow()
                        if now - started >= timeout { return true }
                        if trafficThread.withLock({ $0?.isFinished }) == true, trafficDone.withLock({ $0 }) == nil {
                            return true
                        }
                        return trafficDone.withLock { $0 }.map { now - $0 >= settleNanoseconds } ?? false
                    })
            } catch let error as LiveCaptureError {
                capturing.signal()
                throw error
            } catch {
                capturing.signal()
                throw .systemCall("capture on \(item.captureInterface) in \(item.capture.name)", reason: "\(error)")
            }
        }
        // The capture signals once it is listening; if it failed before that (no such namespace), it has finished.
        while capturing.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if capture.isFinished { return try capture.wait() }
        }
        let traffic = item.from.start("verify-traffic") { () throws(LiveCaptureError) -> String in
            defer { trafficDone.withLock { $0 = EchoProber.monotonicNow() } }
            switch check.traffic {
            case .icmp:
                let probe = try EchoProber(destination: check.to, count: check.count).run()
                return
                    "\(check.name): \(probe.sent) echo requests \(check.from) -> \(check.to), \(probe.received) replies"
            case .tcp(let port):
                let outcome = try TrafficGenerator.tcpConnections(to: check.to, port: port, count: check.count)
                return
                    "\(check.name): \(outcome.sent) TCP connections \(check.from) -> \(check.to):\(port), \(outcome.answered) completed"
            case .udp(let port):
                let outcome = try TrafficGenerator.udpDatagrams(to: check.to, port: port, count: check.count)
                return "\(check.name): \(outcome.sent) UDP datagrams \(check.from) -> \(check.to):\(port)"
            }
        }
        trafficThread.withLock { $0 = traffic }
        let report = try capture.wait()
        log(try traffic.wait())
        return report
    }
}
