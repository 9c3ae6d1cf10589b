import PacketCapture

/// The result of a verify run: one verdict per check and the capture-wide counts.
public struct VerificationReport: Hashable, Sendable {
    public var results: [CheckResult]
    public var summary: CaptureSummary

    public init(results: [CheckResult], summary: CaptureSummary) {
        self.results = results
        self.summary = summary
    }

    /// Exit 0 only when every selected check passed.
    public var allPassed: Bool { results.allSatisfy(\.passed) }
}
