/// CreateTrafficMirrorSession, ModifyTrafficMirrorSession, DeleteTrafficMirrorSession,
/// DescribeTrafficMirrorSessions.
extension LabEmulator {
    static let sessionRemovableFields: Set<String> = ["packet-length", "description", "virtual-network-id"]
    static let sessionsPerInterface = 3
    static let sourcesPerInterfaceTarget = 10
    /// VXLAN's 24-bit VNI; 0 is excluded (the reference notes TF's bound is off by one; real bound [unverified]).
    static let vniRange = 1...16_777_215

    mutating func createSession(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let replayed = try replay(p)
        let eni = try p.required("NetworkInterfaceId")
        let targetId = try p.required("TrafficMirrorTargetId")
        let filterId = try p.required("TrafficMirrorFilterId")
        let number = try p.requiredInt("SessionNumber")
        let packetLength = try p.int("PacketLength")
        let vni = try p.int("VirtualNetworkId")
        let tags = try tagSpecifications(p, resourceType: "traffic-mirror-session")
        if let answer = replayAnswer(replayed, kind: .session, element: "trafficMirrorSession") { return answer }
        _ = try lookup(.networkInterface, eni)
        let target = state.targets[try lookup(.target, targetId)]
        _ = try lookup(.filter, filterId)
        guard state.sessions.filter({ $0.networkInterfaceId == eni }).count < Self.sessionsPerInterface else {
            throw LabError(
                code: "TrafficMirrorSessionsPerInterfaceLimitExceeded",
                message:
                    "The network interface \(eni) already has 3 traffic mirror sessions, the most a source can have; delete one first."
            )
        }
        guard state.sessions.count < 10_000 else {
            throw LabError(
                code: "TrafficMirrorSessionLimitExceeded",
                message: "An account can have at most 10,000 traffic mirror sessions.")
        }
        var session = SessionRecord(
            id: "", targetId: targetId, filterId: filterId, networkInterfaceId: eni, ownerId: state.accountId,
            packetLength: packetLength ?? (target.networkLoadBalancerArn != nil ? 8500 : nil), sessionNumber: number,
            virtualNetworkId: 0, description: p["Description"])
        if let vni { session.virtualNetworkId = vni } else { session.virtualNetworkId = try newVirtualNetworkId() }
        try validate(session)
        session.id = state.newId(.session)
        state.sessions.append(session)
        hideNewResource(session.id)
        if !tags.isEmpty { state.tags[session.id] = tags }
        return remember(replayed, resourceId: session.id, element: XMLNode("trafficMirrorSession", state.xml(session)))
    }

    mutating func modifySession(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let id = try p.required("TrafficMirrorSessionId")
        let index = try lookup(.session, id)
        var session = state.sessions[index]
        let removed = try p.list("RemoveField")
        for field in removed where !Self.sessionRemovableFields.contains(field) {
            throw LabError.invalidValue(
                "RemoveField", field,
                "Removable fields: \(Self.sessionRemovableFields.sorted().joined(separator: ", ")).")
        }
        for (field, key) in [
            ("packet-length", "PacketLength"), ("description", "Description"),
            ("virtual-network-id", "VirtualNetworkId"),
        ]
        where removed.contains(field) && p[key] != nil {
            throw LabError.combination(
                "\(key) and RemoveField=\(field) cannot be given together; set the field or remove it.")
        }
        if let v = p["TrafficMirrorTargetId"] {
            _ = try lookup(.target, v)
            session.targetId = v
        }
        if let v = p["TrafficMirrorFilterId"] {
            _ = try lookup(.filter, v)
            session.filterId = v
        }
        if let v = try p.int("PacketLength") { session.packetLength = v }
        if let v = try p.int("SessionNumber") { session.sessionNumber = v }
        if let v = try p.int("VirtualNetworkId") { session.virtualNetworkId = v }
        if let v = p["Description"] { session.description = v }
        let target = state.targets.first { $0.id == session.targetId }
        // "When you remove a property … the property is set to the default": whole packet (8500 for an NLB
        // target), no description, a fresh random VNI.
        if removed.contains("packet-length") {
            session.packetLength = target?.networkLoadBalancerArn != nil ? 8500 : nil
        }
        if removed.contains("description") { session.description = nil }
        if removed.contains("virtual-network-id") { session.virtualNetworkId = try newVirtualNetworkId() }
        try validate(session)
        state.sessions[index] = session
        return [XMLNode("trafficMirrorSession", state.xml(session))]
    }

    mutating func deleteSession(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let id = try p.required("TrafficMirrorSessionId")
        let index = try lookup(.session, id)
        state.sessions.remove(at: index)
        state.tags[id] = nil
        return [XMLNode("trafficMirrorSessionId", text: id)]
    }

    func describeSessions(_ p: QueryParameters) throws(LabError) -> [XMLNode] {
        let ids = try p.list("TrafficMirrorSessionId")
        let filters = try DescribeFilters(
            p,
            allowed: [
                "description", "network-interface-id", "owner-id", "packet-length", "session-number",
                "traffic-mirror-filter-id", "traffic-mirror-session-id", "traffic-mirror-target-id",
                "virtual-network-id",
            ],
            tagFilters: false, wildcards: false)
        let paging = try Pagination(p, action: "DescribeTrafficMirrorSessions", ids: !ids.isEmpty)
        for id in ids { _ = try lookup(.session, id) }
        let hidden = hiddenThisRead
        try checkVisible(ids, .session, hidden: hidden)
        let matching = state.sessions.filter { s in
            !hidden.contains(s.id) && (ids.isEmpty || ids.contains(s.id))
                && filters.matches { name in
                    switch name {
                    case "description": [s.description ?? ""]
                    case "network-interface-id": [s.networkInterfaceId]
                    case "owner-id": [s.ownerId]
                    case "packet-length": s.packetLength.map { [String($0)] } ?? []
                    case "session-number": [String(s.sessionNumber)]
                    case "traffic-mirror-filter-id": [s.filterId]
                    case "traffic-mirror-target-id": [s.targetId]
                    case "virtual-network-id": [String(s.virtualNetworkId)]
                    default: [s.id]
                    }
                }
        }
        let page = paging.page(matching)
        return [XMLNode.set("trafficMirrorSessionSet", page.items.map { state.xml($0) })]
            + XMLNode.leaf("nextToken", page.nextToken)
    }

    /// A random VNI no session in the account uses ("an account-wide unique ID is chosen at random").
    mutating func newVirtualNetworkId() throws(LabError) -> Int {
        let used = Set(state.sessions.map(\.virtualNetworkId))
        for _ in 0..<1000 {
            let candidate = Int(state.random.next() % UInt64(Self.vniRange.upperBound)) + 1
            if !used.contains(candidate) { return candidate }
        }
        throw LabError(code: "InternalError", message: "No free virtual network ID was found.", status: 500)
    }

    /// The checks AWS applies to a session after Create or Modify.
    func validate(_ s: SessionRecord) throws(LabError) {
        if let length = s.packetLength, !(1...8500).contains(length) {
            throw LabError.invalidValue(
                "PacketLength", String(length), "Valid values are 1-8500; omit it to mirror whole packets.")
        }
        guard (1...32766).contains(s.sessionNumber) else {
            throw LabError.invalidValue("SessionNumber", String(s.sessionNumber), "Valid values are 1-32766.")
        }
        guard Self.vniRange.contains(s.virtualNetworkId) else {
            throw LabError.invalidValue(
                "VirtualNetworkId", String(s.virtualNetworkId), "A VXLAN network ID is 1 to 16777215.")
        }
        let others = state.sessions.filter { $0.id != s.id }
        // Uniqueness of session numbers per source ENI and of VNIs per account is [unverified]; the lab
        // takes the strict reading of both, so a plan that passes here cannot trip over either on AWS.
        if others.contains(where: {
            $0.networkInterfaceId == s.networkInterfaceId && $0.sessionNumber == s.sessionNumber
        }) {
            throw LabError.invalidValue(
                "SessionNumber", String(s.sessionNumber),
                "The network interface \(s.networkInterfaceId) already has a session with this number; pick a free one."
            )
        }
        if others.contains(where: { $0.virtualNetworkId == s.virtualNetworkId }) {
            throw LabError.invalidValue(
                "VirtualNetworkId", String(s.virtualNetworkId),
                "Another traffic mirror session in the account uses this VNI; pick another or omit it.")
        }
        guard let target = state.targets.first(where: { $0.id == s.targetId }) else {
            throw LabError.notFound(.target, s.targetId)
        }
        if target.networkInterfaceId == s.networkInterfaceId
            || state.targets.contains(where: { $0.networkInterfaceId == s.networkInterfaceId })
        {
            throw LabError.invalidValue(
                "NetworkInterfaceId", s.networkInterfaceId,
                "The network interface is a traffic mirror target; a target cannot also be a source.")
        }
        if target.networkInterfaceId != nil {
            let sources = Set(
                others.filter { $0.targetId == target.id }.map(\.networkInterfaceId) + [s.networkInterfaceId])
            if sources.count > Self.sourcesPerInterfaceTarget {
                throw LabError(
                    code: "TrafficMirrorSourcesPerTargetLimitExceeded",
                    message:
                        "The network-interface target \(target.id) already mirrors \(Self.sourcesPerInterfaceTarget) sources, the most it can; use an NLB target for more."
                )
            }
        }
    }
}
