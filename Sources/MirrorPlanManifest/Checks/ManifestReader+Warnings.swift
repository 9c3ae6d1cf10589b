import MirrorPlanModel

/// Things AWS accepts that a reviewer should notice.
extension ManifestReader {
    mutating func checkWarnings(_ manifest: ReadManifest) {
        let usedTargets = Set(manifest.sessions.compactMap { $0.target?.name })
        let usedFilters = Set(manifest.sessions.compactMap { $0.filter?.name })
        for target in manifest.targets where !usedTargets.contains(target.name) {
            warning(.unused, "target '\(target.name)' is not used by any session", at: target.key.position)
        }
        for filter in manifest.filters {
            if !usedFilters.contains(filter.name) {
                warning(.unused, "filter '\(filter.name)' is not used by any session", at: filter.key.position)
            }
            guard let spec = filter.spec else { continue }
            if spec.networkServices.isEmpty, !spec.rules.contains(where: { $0.action == .accept }) {
                let why = spec.rules.isEmpty ? "it has no rules" : "it has no accept rules"
                warning(
                    .filterMirrorsNothing,
                    "filter '\(filter.name)' mirrors nothing: \(why), and AWS mirrors only what an accept rule matches",
                    at: filter.key.position)
            }
            checkShadowing(filter)
        }
    }

    /// A rule whose every packet an earlier rule (lower number, same direction) already decides never applies.
    private mutating func checkShadowing(_ filter: ReadFilter) {
        for direction in FilterRuleSpec.Direction.allCases {
            let rules = filter.rules.filter { $0.rule.direction == direction }.sorted {
                $0.rule.number < $1.rule.number
            }
            for (index, later) in rules.enumerated() {
                guard let earlier = rules[..<index].first(where: { later.rule.isCovered(by: $0.rule) }) else {
                    continue
                }
                let effect =
                    earlier.rule.action == later.rule.action
                    ? "it is redundant"
                    : "it never applies (those packets are \(earlier.rule.action == .reject ? "rejected" : "accepted") by rule \(earlier.rule.number))"
                warning(
                    .ruleShadowed,
                    "\(direction.rawValue) rule \(later.rule.number) (\(later.rule.action.rawValue)) of filter '\(filter.name)' is shadowed by rule \(earlier.rule.number) (\(earlier.rule.action.rawValue)), which matches every packet it matches, so \(effect); give it a lower number or narrow rule \(earlier.rule.number)",
                    at: later.node.position)
            }
        }
    }
}
