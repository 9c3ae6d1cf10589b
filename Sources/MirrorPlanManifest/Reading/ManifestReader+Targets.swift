import MirrorPlanModel

extension ManifestReader {
    static let targetKinds = ["networkInterface", "networkLoadBalancer", "gatewayLoadBalancerEndpoint"]

    mutating func readTarget(_ name: String, key: YAMLNode, value: YAMLNode, stackTags: [String: String]) -> ReadTarget
    {
        var read = ReadTarget(name: name, key: key)
        let set = FieldSet(context: "target '\(name)'", allowed: Self.targetKinds + ["description", "tags"])
        guard let fields = fields(of: value, set, owner: key.position) else { return read }
        var clean = true
        let present = Self.targetKinds.filter { fields[$0] != nil }
        if present.isEmpty {
            error(
                .targetKind, "target '\(name)' needs exactly one of \(Self.targetKinds.joined(separator: ", "))",
                at: key.position)
            clean = false
        } else if present.count > 1, let second = fields.keyNode(present[1]) {
            error(
                .targetKind,
                "target '\(name)' has both \(present[0]) and \(present[1]); a target is exactly one of \(Self.targetKinds.joined(separator: ", "))",
                at: second.position)
            clean = false
        }
        var kind: TargetSpec.Kind?
        if let node = fields["networkInterface"] {
            if let reference = networkInterface(node, "networkInterface of target '\(name)'") {
                kind = .networkInterface(reference)
                read.networkInterface = (reference, node)
            } else {
                clean = false
            }
        }
        if let node = fields["networkLoadBalancer"], let arn = string(node, "networkLoadBalancer") {
            if AWSIdentifier.isNetworkLoadBalancerARN(arn) {
                kind = kind ?? .networkLoadBalancer(arn: arn)
            } else {
                error(
                    .invalidID,
                    "'\(arn)' is not a Network Load Balancer ARN (arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/net/NAME/ID)",
                    at: node.position)
                clean = false
            }
        } else if fields["networkLoadBalancer"] != nil {
            clean = false
        }
        if let node = fields["gatewayLoadBalancerEndpoint"], let id = string(node, "gatewayLoadBalancerEndpoint") {
            if AWSIdentifier.isVPCEndpointID(id) {
                kind = kind ?? .gatewayLoadBalancerEndpoint(id: id)
            } else {
                error(.invalidID, "'\(id)' is not a VPC endpoint id (vpce- and 8 or 17 hex digits)", at: node.position)
                clean = false
            }
        } else if fields["gatewayLoadBalancerEndpoint"] != nil {
            clean = false
        }
        let description = optionalString(fields, "description", "description of target '\(name)'")
        if description.present, description.value == nil { clean = false }
        var tags: [String: String] = [:]
        if let node = fields["tags"] {
            if let own = self.tags(node, of: "target '\(name)'") { tags = own } else { clean = false }
        }
        if clean, let kind {
            read.spec = TargetSpec(
                name: name, kind: kind, description: description.value, tags: Self.merged(stackTags, tags))
        }
        return read
    }

    /// `eni-...` or `{ instance: NAME | i-... }`.
    mutating func networkInterface(_ node: YAMLNode, _ what: String) -> NetworkInterfaceReference? {
        switch node.content {
        case .scalar(let scalar) where scalar.kind == .string:
            guard AWSIdentifier.isNetworkInterfaceID(scalar.text) else {
                error(
                    .invalidID,
                    "\(what) '\(scalar.text)' is not an ENI id (eni- and 8 or 17 hex digits); for an instance write { instance: NAME } or { instance: i-... }",
                    at: node.position)
                return nil
            }
            return .eni(scalar.text)
        case .mapping:
            guard let instance = instanceName(node, what) else { return nil }
            return .instance(instance)
        default:
            error(
                .wrongType, "\(what) must be an ENI id (eni-...) or { instance: NAME | i-... }, not \(node.typeName)",
                at: node.position)
            return nil
        }
    }

    /// The value of `{ instance: X }`: a Name tag (1..255 characters) or an instance id.
    mutating func instanceName(_ node: YAMLNode, _ what: String) -> String? {
        let set = FieldSet(context: what, allowed: ["instance"], required: ["instance"])
        guard let fields = fields(of: node, set), let value = fields["instance"], let name = string(value, "instance")
        else { return nil }
        guard (1...255).contains(name.count) else {
            error(
                .invalidValue, "instance must be a Name tag of 1 to 255 characters or an instance id (i-...)",
                at: value.position)
            return nil
        }
        return name
    }
}
