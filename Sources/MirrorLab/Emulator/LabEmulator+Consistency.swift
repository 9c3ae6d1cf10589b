/// The eventual-consistency knob: a just-created resource is missing from the next few Describe calls, as
/// on AWS ("the result may not be immediately visible to subsequent API commands"), so clients' read-after-
/// write retries get exercised.
extension LabEmulator {
    mutating func hideNewResource(_ id: String) {
        if state.consistencyLag > 0 { state.hiddenReads[id] = state.consistencyLag }
    }

    /// The IDs of `kind` a Describe call must not see. Unless `counting` is false (DryRun), the call
    /// counts as one read for each of them, even if it then fails, so a retried read eventually succeeds.
    mutating func readHidden(_ kind: ResourceKind, counting: Bool) -> Set<String> {
        let hidden = Set(state.hiddenReads.keys.filter { ResourceKind.of(id: $0) == kind })
        guard counting else { return hidden }
        for id in hidden {
            let remaining = (state.hiddenReads[id] ?? 1) - 1
            state.hiddenReads[id] = remaining > 0 ? remaining : nil
        }
        return hidden
    }

    /// Explicitly asked-for IDs that are still hidden answer NotFound, as a fresh ID does on AWS.
    func checkVisible(_ ids: [String], _ kind: ResourceKind, hidden: Set<String>) throws(LabError) {
        for id in ids where hidden.contains(id) { throw LabError.notFound(kind, id) }
    }
}
