import EC2Query

/// Runs one step against EC2: builds the request from the step and the ids known so far. Creates carry the
/// plan-derived ClientToken and the ownership tags in TagSpecifications; a delete of something already gone
/// counts as done (a retried or re-run apply).
struct OperationExecutor: Sendable {
    var client: EC2Client
    var stack: String
    var identity: PlanIdentity

    /// The created resource's id for a create, nil otherwise.
    func run(_ operation: Operation, ids: [ResourceAddress: String]) async throws -> String? {
        let address = operation.address
        func id(_ kind: ResourceKind, _ name: String?) throws -> String {
            guard let name else { throw ApplyError.missingReference(address, "\(kind)") }
            // A live session of the stack may name a target it does not own by id.
            if let known = ids[.init(kind, name)] { return known }
            if name.hasPrefix("tmt-") || name.hasPrefix("tmf-") { return name }
            throw ApplyError.missingReference(address, "\(kind).\(name)")
        }
        switch operation.step {
        case .create(let record):
            return try await create(record, filterID: { try id(.filter, $0) }, targetID: { try id(.target, $0) })
        case .setNetworkServices(let add, let remove):
            _ = try await client.modifyTrafficMirrorFilterNetworkServices(
                filterID: try id(.filter, address.name), add: add, remove: remove)
        case .modifyRule(let ruleID, let changes):
            var fields = TrafficMirrorFilterRuleFields()
            var removed: [TrafficMirrorFilterRuleField] = []
            for change in changes {
                let value = change.after
                switch change.field {
                case "ruleAction": fields.ruleAction = value
                case "sourceCidrBlock": fields.sourceCIDRBlock = value
                case "destinationCidrBlock": fields.destinationCIDRBlock = value
                case "protocol": if let value { fields.protocolNumber = Int(value) } else { removed.append(.protocol) }
                case "sourcePortRange":
                    if let value {
                        fields.sourcePortRange = Self.ports(value)
                    } else {
                        removed.append(.sourcePortRange)
                    }
                case "destinationPortRange":
                    if let value {
                        fields.destinationPortRange = Self.ports(value)
                    } else {
                        removed.append(.destinationPortRange)
                    }
                case "description": if let value { fields.description = value } else { removed.append(.description) }
                default: break
                }
            }
            _ = try await client.modifyTrafficMirrorFilterRule(
                ModifyTrafficMirrorFilterRuleInput(ruleID: ruleID, fields: fields, removeFields: removed))
        case .modifySession(let sessionID, let record, let fields):
            var input = ModifyTrafficMirrorSessionInput(sessionID: sessionID)
            let attributes = record.attributes
            for field in fields {
                switch field {
                case "target": input.targetID = try id(.target, attributes["target"])
                case "filter": input.filterID = try id(.filter, attributes["filter"])
                case "sessionNumber": input.sessionNumber = attributes["sessionNumber"].flatMap(Int.init)
                case "virtualNetworkId":
                    if let vni = attributes["virtualNetworkId"].flatMap(Int.init) {
                        input.virtualNetworkID = vni
                    } else {
                        input.removeFields.append(.virtualNetworkID)
                    }
                case "packetLength":
                    if let length = attributes["packetLength"].flatMap(Int.init) {
                        input.packetLength = length
                    } else {
                        input.removeFields.append(.packetLength)
                    }
                case "description":
                    if let text = attributes["description"] {
                        input.description = text
                    } else {
                        input.removeFields.append(.description)
                    }
                default: break
                }
            }
            _ = try await client.modifyTrafficMirrorSession(input)
        case .renumberSession(let sessionID, let number):
            _ = try await client.modifyTrafficMirrorSession(
                ModifyTrafficMirrorSessionInput(sessionID: sessionID, sessionNumber: number))
        case .retag(let resourceID, let set, let remove):
            if !set.isEmpty {
                try await client.createTags(
                    resourceIDs: [resourceID],
                    tags: set.sorted { $0.key < $1.key }.map { EC2Tag(key: $0.key, value: $0.value) })
            }
            try await client.deleteTags(resourceIDs: [resourceID], tags: remove.map { EC2Tag(key: $0, value: nil) })
        case .delete(let resourceID):
            do {
                switch address.kind {
                case .target: try await client.deleteTrafficMirrorTarget(id: resourceID)
                case .filter: try await client.deleteTrafficMirrorFilter(id: resourceID)
                case .rule: try await client.deleteTrafficMirrorFilterRule(id: resourceID)
                case .session: try await client.deleteTrafficMirrorSession(id: resourceID)
                }
            } catch let error as EC2ServiceError where error.code.rawValue.hasSuffix(".NotFound") {
                return nil
            }
        }
        return nil
    }

    func tags(_ record: ResourceRecord) -> [EC2Tag] {
        record.tags.sorted { $0.key < $1.key }.map { EC2Tag(key: $0.key, value: $0.value) }
            + [
                EC2Tag(key: OwnershipTags.stack, value: stack),
                EC2Tag(key: OwnershipTags.name, value: record.address.name),
            ]
    }

    func create(
        _ record: ResourceRecord, filterID: (String?) throws -> String, targetID: (String?) throws -> String
    ) async throws -> String {
        let token = identity.clientToken(for: record.address)
        let attributes = record.attributes
        switch record.address.kind {
        case .target:
            return try await client.createTrafficMirrorTarget(
                CreateTrafficMirrorTargetInput(
                    networkInterfaceID: attributes["networkInterfaceId"],
                    networkLoadBalancerARN: attributes["networkLoadBalancerArn"],
                    description: attributes["description"], tags: tags(record), clientToken: token,
                    gatewayLoadBalancerEndpointID: attributes["gatewayLoadBalancerEndpointId"])
            ).resource.id
        case .filter:
            return try await client.createTrafficMirrorFilter(
                CreateTrafficMirrorFilterInput(
                    description: attributes["description"], tags: tags(record), clientToken: token)
            ).resource.id
        case .rule:
            let parts = record.address.name.split(separator: "/").map(String.init)
            guard parts.count == 3, let number = Int(parts[2]) else {
                throw ApplyError.missingReference(record.address, "rule number")
            }
            let fields = TrafficMirrorFilterRuleFields(
                trafficDirection: parts[1], ruleNumber: number, ruleAction: attributes["ruleAction"],
                destinationPortRange: attributes["destinationPortRange"].flatMap(Self.ports),
                sourcePortRange: attributes["sourcePortRange"].flatMap(Self.ports),
                protocolNumber: attributes["protocol"].flatMap(Int.init),
                destinationCIDRBlock: attributes["destinationCidrBlock"],
                sourceCIDRBlock: attributes["sourceCidrBlock"], description: attributes["description"])
            return try await client.createTrafficMirrorFilterRule(
                CreateTrafficMirrorFilterRuleInput(
                    filterID: try filterID(parts[0]), fields: fields, clientToken: token, tags: tags(record))
            ).resource.id
        case .session:
            guard let eni = attributes["networkInterfaceId"], let number = attributes["sessionNumber"].flatMap(Int.init)
            else {
                throw ApplyError.missingReference(record.address, "source or session number")
            }
            return try await client.createTrafficMirrorSession(
                CreateTrafficMirrorSessionInput(
                    networkInterfaceID: eni, targetID: try targetID(attributes["target"]),
                    filterID: try filterID(attributes["filter"]),
                    packetLength: attributes["packetLength"].flatMap(Int.init), sessionNumber: number,
                    virtualNetworkID: attributes["virtualNetworkId"].flatMap(Int.init),
                    description: attributes["description"],
                    tags: tags(record), clientToken: token)
            ).resource.id
        }
    }

    static func ports(_ text: String) -> TrafficMirrorPortRange? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard let first = parts.first else { return nil }
        return TrafficMirrorPortRange(fromPort: first, toPort: parts.count > 1 ? parts[1] : first)
    }
}
