import MirrorPlanModel

extension ManifestReader {
    static let verifyKeys = ["name", "session", "from", "to", "traffic", "count", "expect", "timeout"]

    mutating func readVerifyChecks(_ items: [YAMLNode]) -> [ReadVerifyCheck] {
        var seen: [String: YAMLNode] = [:]
        return items.map { item in
            var read = readVerifyCheck(item)
            if let spec = read.spec {
                if let earlier = seen[spec.name] {
                    error(
                        .duplicateName,
                        "verify check name '\(spec.name)' is already used at line \(earlier.position.line); names must be unique",
                        at: Self.namePosition(of: item) ?? item.position)
                    read.spec = nil
                } else {
                    seen[spec.name] = item
                }
            }
            return read
        }
    }

    private static func namePosition(of item: YAMLNode) -> SourcePosition? {
        guard case .mapping(let pairs) = item.content else { return nil }
        return pairs.first { $0.key.scalar?.text == "name" }?.value.position
    }

    mutating func readVerifyCheck(_ node: YAMLNode) -> ReadVerifyCheck {
        var read = ReadVerifyCheck()
        let set = FieldSet(
            context: "a verify check", allowed: Self.verifyKeys,
            required: ["name", "session", "from", "to", "traffic", "count", "expect"])
        guard let fields = fields(of: node, set) else { return read }
        var clean = true
        var name: String?
        if let nameNode = fields["name"], let text = string(nameNode, "verify check name") {
            if DesiredState.isValidName(text) {
                name = text
            } else {
                error(.invalidName, "verify check name '\(text)' \(Self.nameRule)", at: nameNode.position)
            }
        }
        if fields["name"] != nil, name == nil { clean = false }
        if let sessionNode = fields["session"] {
            if let session = string(sessionNode, "session of a verify check") {
                read.session = (session, sessionNode)
            } else {
                clean = false
            }
        }
        let from = fields["from"].flatMap { endpoint($0, "from") }
        let to = fields["to"].flatMap { endpoint($0, "to") }
        if (fields["from"] != nil && from == nil) || (fields["to"] != nil && to == nil) { clean = false }
        var traffic: VerifyCheck.Traffic?
        if let trafficNode = fields["traffic"], let text = string(trafficNode, "traffic") {
            traffic = VerifyCheck.Traffic(text)
            if traffic == nil {
                error(
                    .invalidTraffic, "traffic '\(text)' is not allowed; use icmp, tcp/PORT or udp/PORT (PORT 1..65535)",
                    at: trafficNode.position)
            }
        }
        if fields["traffic"] != nil, traffic == nil { clean = false }
        let count = fields["count"].flatMap { integer($0, "count", in: VerifyCheck.countRange, rangeCode: .countRange) }
        if fields["count"] != nil, count == nil { clean = false }
        let expect = fields["expect"].flatMap { word($0, "expect", as: VerifyCheck.Expectation.self) }
        if fields["expect"] != nil, expect == nil { clean = false }
        var timeout = VerifyCheck.defaultTimeout
        if let timeoutNode = fields["timeout"] {
            if let scalar = timeoutNode.scalar, scalar.kind == .string,
                let parsed = VerifyCheck.parseTimeout(scalar.text)
            {
                timeout = parsed
            } else if let scalar = timeoutNode.scalar, scalar.kind == .string {
                error(
                    .invalidTimeout,
                    "timeout '\(scalar.text)' is not a duration; write a whole number and a unit: 500ms, 30s, 2m, 1h",
                    at: timeoutNode.position)
                clean = false
            } else {
                error(
                    .wrongType, "timeout must be a duration such as 30s or 2m, not \(timeoutNode.typeName)",
                    at: timeoutNode.position)
                clean = false
            }
        }
        if clean, let name, let session = read.session, let from, let to, let traffic, let count, let expect {
            read.spec = VerifyCheck(
                name: name, session: session.name, from: from, to: to, traffic: traffic, count: count, expect: expect,
                timeout: timeout)
        }
        return read
    }

    /// `{ instance: NAME | i-... }` or `{ ip: ADDRESS }`.
    mutating func endpoint(_ node: YAMLNode, _ what: String) -> VerifyEndpoint? {
        let set = FieldSet(context: "'\(what)' of a verify check", allowed: ["instance", "ip"])
        guard let fields = fields(of: node, set) else { return nil }
        switch (fields["instance"], fields["ip"]) {
        case (nil, nil):
            error(
                .endpointKind, "'\(what)' needs exactly one of instance (a Name tag or i-...) or ip (an address)",
                at: node.position)
            return nil
        case (.some, .some):
            error(
                .endpointKind, "'\(what)' has both instance and ip; give exactly one",
                at: fields.keyNode("ip")?.position ?? node.position)
            return nil
        case (.some(let instanceNode), nil):
            guard let name = string(instanceNode, "instance") else { return nil }
            guard (1...255).contains(name.count) else {
                error(
                    .invalidValue, "instance must be a Name tag of 1 to 255 characters or an instance id (i-...)",
                    at: instanceNode.position)
                return nil
            }
            return .instance(name)
        case (nil, .some(let ipNode)):
            guard let text = string(ipNode, "ip") else { return nil }
            guard let address = IPAddress(text) else {
                error(
                    .invalidIP,
                    "ip '\(text)' is not an IPv4 or IPv6 address (no prefix length: 10.0.1.10, 2001:db8::10)",
                    at: ipNode.position)
                return nil
            }
            return .ip(address)
        }
    }
}
