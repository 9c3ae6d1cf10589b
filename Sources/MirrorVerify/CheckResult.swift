import PacketCapture

/// The verdict on one check, with what was observed and what helps when it failed.
public struct CheckResult: Hashable, Sendable {
    public var check: VerificationCheck
    public var observed: CheckObservation
    public var passed: Bool
    /// Observations from capture.md's troubleshooting list, most telling first.
    public var findings: [String]

    public init(check: VerificationCheck, observed: CheckObservation, passed: Bool, findings: [String]) {
        self.check = check
        self.observed = observed
        self.passed = passed
        self.findings = findings
    }
}
