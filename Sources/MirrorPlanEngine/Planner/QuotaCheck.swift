/// Limits that span resources the stack does not own (reference E.2.5, E.2.9, E.4): what the manifest
/// validator cannot see offline because it needs resolved ENIs and other people's sessions.
enum QuotaCheck {
    static let sessionsPerSource = 3
    static let sourcesPerInterfaceTarget = 10

    static func problems(
        desired: [ResourceRecord], foreign: [ForeignSession], changes: [PlannedChange],
        liveTargetIDs: [ResourceAddress: String] = [:]
    ) -> [String] {
        let sessions = desired.filter { $0.address.kind == .session }
        var problems: [String] = []

        let bySource = Dictionary(grouping: sessions) { $0.attributes["networkInterfaceId"] ?? "" }
        let foreignBySource = Dictionary(grouping: foreign, by: \.sourceNetworkInterfaceId)
        for (eni, mine) in bySource.sorted(by: { $0.key < $1.key }) where !eni.isEmpty {
            let theirs = foreignBySource[eni] ?? []
            if mine.count + theirs.count > sessionsPerSource {
                problems.append(
                    "\(eni) would be the source of \(mine.count + theirs.count) sessions (\(mine.count) of this stack, "
                        + "\(theirs.count) not managed by it: \(theirs.map(\.id).sorted().joined(separator: ", "))); "
                        + "AWS allows \(sessionsPerSource) per network interface. Remove sessions or use another source."
                )
            }
            for session in mine.sorted(by: { $0.address < $1.address }) {
                guard let number = session.attributes["sessionNumber"].flatMap(Int.init) else { continue }
                for clash in theirs where clash.sessionNumber == number {
                    problems.append(
                        "\(session.address) uses session number \(number) on \(eni), which \(clash.id) (not managed by "
                            + "this stack) already uses; choose a free number.")
                }
            }
        }

        let targetENIs = Set(
            desired.filter { $0.address.kind == .target }.compactMap { $0.attributes["networkInterfaceId"] })
        for session in foreign.sorted(by: { $0.id < $1.id }) where targetENIs.contains(session.sourceNetworkInterfaceId)
        {
            problems.append(
                "\(session.sourceNetworkInterfaceId) is a mirror source of \(session.id) (not managed by this stack), "
                    + "so it cannot also be a mirror target; choose another target interface.")
        }
        // An ENI target takes at most 10 sources (reference E.2.10), sessions of other stacks included.
        for target in desired.filter({ $0.address.kind == .target && $0.attributes["networkInterfaceId"] != nil })
            .sorted(by: { $0.address < $1.address })
        {
            var sources = Set(
                sessions.filter { $0.attributes["target"] == target.address.name }.compactMap {
                    $0.attributes["networkInterfaceId"]
                })
            if let id = liveTargetIDs[target.address] {
                sources.formUnion(foreign.filter { $0.targetId == id }.map(\.sourceNetworkInterfaceId))
            }
            if sources.count > sourcesPerInterfaceTarget {
                problems.append(
                    "\(target.address) would mirror \(sources.count) source network interfaces; a network-interface target "
                        + "takes at most \(sourcesPerInterfaceTarget). Split the sessions over more targets or use a Network Load "
                        + "Balancer target.")
            }
        }
        // EC2 refuses to delete a target or filter in use; a foreign session cannot be repointed by this stack.
        for change in changes.sorted(by: { $0.address < $1.address })
        where (change.action == .delete || change.action == .replace) && change.id != nil {
            let users = foreign.filter { $0.targetId == change.id || $0.filterId == change.id }.map(\.id).sorted()
            guard !users.isEmpty, change.address.kind == .target || change.address.kind == .filter else { continue }
            problems.append(
                "\(change.address) (\(change.id ?? "")) is used by \(users.joined(separator: ", ")), not managed by this "
                    + "stack; it cannot be \(change.action == .delete ? "deleted" : "replaced") until those sessions stop using it."
            )
        }
        return problems
    }
}
