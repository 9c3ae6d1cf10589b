import MirrorPlanModel

/// Checks across entries: references between them and per-source quotas. Everything here compares
/// references symbolically (the same ENI id, or the same `{ instance: ... }`), because nothing is resolved yet.
extension ManifestReader {
    mutating func checkReferences(_ manifest: ReadManifest) {
        let targetNames = manifest.targets.map(\.name)
        let filterNames = manifest.filters.map(\.name)
        let sessionNames = manifest.sessions.map(\.name)

        for session in manifest.sessions {
            if let target = session.target, !targetNames.contains(target.name) {
                error(
                    .unknownTarget,
                    "session '\(session.name)' refers to target '\(target.name)', which this manifest does not define\(NearestMatch.hint(for: target.name, among: targetNames))\(Self.list("targets", targetNames))",
                    at: target.node.position)
            }
            if let filter = session.filter, !filterNames.contains(filter.name) {
                error(
                    .unknownFilter,
                    "session '\(session.name)' refers to filter '\(filter.name)', which this manifest does not define\(NearestMatch.hint(for: filter.name, among: filterNames))\(Self.list("filters", filterNames))",
                    at: filter.node.position)
            }
        }
        for check in manifest.verifyChecks {
            if let session = check.session, !sessionNames.contains(session.name) {
                error(
                    .unknownSession,
                    "verify check refers to session '\(session.name)', which this manifest does not define\(NearestMatch.hint(for: session.name, among: sessionNames))\(Self.list("sessions", sessionNames))",
                    at: session.node.position)
            }
        }

        // Per source ENI: at most 3 sessions, and unique session numbers.
        var bySource: [NetworkInterfaceReference: [ReadSession]] = [:]
        for session in manifest.sessions {
            guard let source = session.source else { continue }
            let earlier = bySource[source.reference, default: []]
            if earlier.count >= SessionSpec.maximumSessionsPerSource {
                let names = earlier.prefix(SessionSpec.maximumSessionsPerSource).map { "'\($0.name)'" }.joined(
                    separator: ", ")
                error(
                    .tooManySessionsPerSource,
                    "session '\(session.name)' makes \(earlier.count + 1) sessions on source \(source.reference) (with \(names)\(earlier.count > SessionSpec.maximumSessionsPerSource ? ", ..." : "")); AWS allows at most \(SessionSpec.maximumSessionsPerSource) sessions per source network interface",
                    at: source.node.position)
            }
            if let number = session.number, let clash = earlier.first(where: { $0.number?.value == number.value }) {
                error(
                    .sessionNumberDuplicate,
                    "session number \(number.value) is already used by session '\(clash.name)' on the same source \(source.reference); numbers must be unique per source network interface",
                    at: number.node.position)
            }
            bySource[source.reference, default: []].append(session)
        }

        // An ENI cannot be a target and a source at once.
        for session in manifest.sessions {
            guard let source = session.source,
                let target = manifest.targets.first(where: { $0.networkInterface?.reference == source.reference })
            else { continue }
            error(
                .sourceIsTarget,
                "source \(source.reference) of session '\(session.name)' is also the network interface of target '\(target.name)'; an ENI cannot be a mirror source and a mirror target at once",
                at: source.node.position)
        }
    }

    private static func list(_ kind: String, _ names: [String]) -> String {
        // A long list would drown the message: name the first few.
        let shown = names.prefix(8).joined(separator: ", ")
        let more = names.count > 8 ? " and \(names.count - 8) more" : ""
        return names.isEmpty ? " (no \(kind) are defined)" : " (\(kind): \(shown)\(more))"
    }
}
