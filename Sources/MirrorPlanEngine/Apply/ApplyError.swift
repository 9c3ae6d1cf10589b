/// Why an apply stopped or did not converge, in words that say what to do next.
public enum ApplyError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingReference(ResourceAddress, String)
    case planHasProblems([String])
    case stalePlan(expected: String, observed: String)
    case cyclicGraph
    case incomplete(failed: Int, skipped: Int)
    case notConverged([String])

    public var description: String {
        switch self {
        case .missingReference(let address, let what):
            "\(address) needs the id of \(what), which neither exists nor was created by this apply"
        case .planHasProblems(let problems):
            "the plan cannot be applied:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .stalePlan(let expected, let observed):
            "stale plan: the live state changed since the plan was made (plan fingerprint \(expected), now \(observed)); "
                + "nothing was changed. Run `mirrorplan plan` again and review the new plan."
        case .cyclicGraph:
            "the planned steps depend on each other in a cycle; nothing was changed (please report this plan)"
        case .incomplete(let failed, let skipped):
            "apply incomplete: \(failed) step(s) failed and \(skipped) were skipped because a step they need failed; "
                + "fix the cause and run apply again (it resumes from the live state and creates no duplicates)"
        case .notConverged(let remaining):
            "apply finished but the live state does not match the manifest yet; still planned:\n"
                + remaining.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
