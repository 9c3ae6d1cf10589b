extension EC2Client {
    /// Resolves Name tags and instance ids: DescribeInstances for the names (in chunks of EC2's 200 filter values),
    /// one for all ids (pages aside).
    /// Keys of the result are the references as given.
    public func resolveInstances(names: [String], ids: [String]) async throws -> [String: ResolvedInstance] {
        var problems: [InstanceResolutionError.Problem] = []
        var result: [String: ResolvedInstance] = [:]
        let uniqueNames = Array(Set(names)).sorted()
        let uniqueIDs = Array(Set(ids)).sorted()

        if !uniqueNames.isEmpty {
            let found = try await describeInstances(filterName: "tag:Name", anyOf: uniqueNames)
            for name in uniqueNames {
                let named = found.filter { $0.name == name && $0.state != "terminated" }
                let running = named.filter { $0.state == "running" }
                switch running.count {
                case 1: Self.add(running[0], as: name, to: &result, problems: &problems)
                case 0:
                    problems.append(
                        .noRunningInstance(name: name, others: named.map { "\($0.id) (\($0.state ?? "unknown"))" }))
                default: problems.append(.ambiguousName(name: name, candidates: running.map(\.id).sorted()))
                }
            }
        }
        if !uniqueIDs.isEmpty {
            do {
                let found = try await describeInstances(ids: uniqueIDs)
                for id in uniqueIDs {
                    if let instance = found.first(where: { $0.id == id }) {
                        Self.add(instance, as: id, to: &result, problems: &problems)
                    } else {
                        problems.append(.unknownID(id))
                    }
                }
            } catch let error as EC2ServiceError where error.code.rawValue.hasPrefix("InvalidInstanceID") {
                // EC2 fails the whole call; name the ids its message mentions (or all of them).
                let mentioned = uniqueIDs.filter { error.message.contains($0) }
                problems += (mentioned.isEmpty ? uniqueIDs : mentioned).map { .unknownID($0) }
            }
        }
        guard problems.isEmpty else { throw InstanceResolutionError(problems: problems) }
        return result
    }

    static func add(
        _ instance: EC2Instance, as reference: String, to result: inout [String: ResolvedInstance],
        problems: inout [InstanceResolutionError.Problem]
    ) {
        guard let primary = instance.primaryNetworkInterface else {
            problems.append(.noPrimaryInterface(reference: reference, instanceID: instance.id))
            return
        }
        result[reference] = ResolvedInstance(
            reference: reference, instanceID: instance.id, name: instance.name, networkInterfaceID: primary.id,
            privateIPAddress: primary.privateIPAddress ?? instance.privateIPAddress, instanceType: instance.instanceType
        )
    }
}
