import MirrorPlanModel

extension ManifestReader {
    static let sessionKeys = ["source", "target", "filter", "number", "vni", "packetLength", "description", "tags"]

    mutating func readSession(_ name: String, key: YAMLNode, value: YAMLNode, stackTags: [String: String])
        -> ReadSession
    {
        var read = ReadSession(name: name, key: key)
        let set = FieldSet(
            context: "session '\(name)'", allowed: Self.sessionKeys, required: ["source", "target", "filter", "number"])
        guard let fields = fields(of: value, set, owner: key.position) else { return read }
        var clean = true
        if let node = fields["source"] {
            if let reference = networkInterface(node, "source of session '\(name)'") {
                read.source = (reference, node)
            } else {
                clean = false
            }
        }
        if let node = fields["target"] {
            if let target = string(node, "target of session '\(name)'") {
                read.target = (target, node)
            } else {
                clean = false
            }
        }
        if let node = fields["filter"] {
            if let filter = string(node, "filter of session '\(name)'") {
                read.filter = (filter, node)
            } else {
                clean = false
            }
        }
        if let node = fields["number"] {
            if let number = integer(
                node, "session number", in: SessionSpec.numberRange, rangeCode: .sessionNumberRange,
                note: " (1 is evaluated first)")
            {
                read.number = (number, node)
            } else {
                clean = false
            }
        }
        var vni: Int?
        if let node = fields["vni"] {
            vni = integer(
                node, "vni", in: SessionSpec.vniRange, rangeCode: .vniRange,
                note: " (a 24-bit VXLAN id; omit it to let AWS pick one)")
            if vni == nil { clean = false }
        }
        var packetLength: Int?
        if let node = fields["packetLength"] {
            packetLength = integer(
                node, "packetLength", in: SessionSpec.packetLengthRange, rangeCode: .packetLengthRange,
                note: " bytes (omit it to mirror whole packets)")
            if packetLength == nil { clean = false }
        }
        let description = optionalString(fields, "description", "description of session '\(name)'")
        if description.present, description.value == nil { clean = false }
        var tags: [String: String] = [:]
        if let node = fields["tags"] {
            if let own = self.tags(node, of: "session '\(name)'") { tags = own } else { clean = false }
        }
        if clean, let source = read.source, let target = read.target, let filter = read.filter, let number = read.number
        {
            read.spec = SessionSpec(
                name: name, source: source.reference, target: target.name, filter: filter.name, number: number.value,
                vni: vni, packetLength: packetLength, description: description.value, tags: Self.merged(stackTags, tags)
            )
        }
        return read
    }
}
