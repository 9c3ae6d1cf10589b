/// An apply in which some steps failed: the report says what was done, what failed and why, and what was
/// skipped; a re-run resumes from the live state.
public struct ApplyIncomplete: Error, Hashable, Sendable, CustomStringConvertible {
    public var report: ApplyReport

    public init(report: ApplyReport) { self.report = report }

    public var description: String {
        ApplyError.incomplete(failed: report.failed.count, skipped: report.skipped.count).description
    }
}
