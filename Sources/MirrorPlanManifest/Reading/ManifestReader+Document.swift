import MirrorPlanModel

extension ManifestReader {
    static let topLevel = FieldSet(
        context: "the manifest",
        allowed: ["apiVersion", "stack", "region", "tags", "targets", "filters", "sessions", "verify"],
        required: ["apiVersion", "stack"])

    /// Reads the document root. The order matters only for which tags are known when resources are read.
    mutating func read(root: YAMLNode) -> ReadManifest {
        var manifest = ReadManifest()
        guard case .mapping = root.content else {
            error(
                .notAMapping,
                "a manifest must be a mapping (apiVersion: mirrorplan/v1, stack: ..., targets: ...), not \(root.typeName)",
                at: root.position)
            return manifest
        }
        guard let fields = fields(of: root, Self.topLevel) else { return manifest }
        if let node = fields["apiVersion"], let version = string(node, "apiVersion"), version != DesiredState.apiVersion
        {
            error(
                .apiVersion, "apiVersion '\(version)' is not supported; this mirrorplan reads 'mirrorplan/v1'",
                at: node.position)
        }
        if let node = fields["stack"], let stack = string(node, "stack") {
            if DesiredState.isValidName(stack) {
                manifest.stack = stack
            } else {
                error(.invalidName, "stack '\(stack)' \(Self.nameRule)", at: node.position)
            }
        }
        if let node = fields["region"], let region = string(node, "region") {
            if Self.isRegion(region) {
                manifest.region = region
            } else {
                error(
                    .invalidRegion, "region '\(region)' is not an AWS region name (like us-east-1 or eu-central-2)",
                    at: node.position)
            }
        }
        if let node = fields["tags"] { manifest.tags = tags(node, of: "the stack") ?? [:] }
        let stackTags = manifest.tags
        if let node = fields["targets"] {
            manifest.targets = namedEntries(of: node, kind: "target").map {
                readTarget($0.name, key: $0.key, value: $0.value, stackTags: stackTags)
            }
        }
        if let node = fields["filters"] {
            manifest.filters = namedEntries(of: node, kind: "filter").map {
                readFilter($0.name, key: $0.key, value: $0.value, stackTags: stackTags)
            }
        }
        if let node = fields["sessions"] {
            manifest.sessions = namedEntries(of: node, kind: "session").map {
                readSession($0.name, key: $0.key, value: $0.value, stackTags: stackTags)
            }
        }
        if let node = fields["verify"], let items = sequence(node, "verify") {
            manifest.verifyChecks = readVerifyChecks(items)
        }
        return manifest
    }

    static let regionPattern = "^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$"

    static func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0].count == 2, let last = parts.last, (1...2).contains(last.count),
            last.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    // MARK: Tags

    static let maximumTagKeyLength = 127
    static let maximumTagValueLength = 256
    /// AWS allows 50 tags per resource; mirrorplan adds two ownership tags.
    static let maximumTags = 48

    mutating func tags(_ node: YAMLNode, of owner: String) -> [String: String]? {
        guard case .mapping(let pairs) = node.content else {
            error(
                .wrongType, "tags of \(owner) must be a mapping of keys to string values, not \(node.typeName)",
                at: node.position)
            return nil
        }
        var tags: [String: String] = [:]
        var clean = true
        if pairs.count > Self.maximumTags {
            error(
                .invalidTag,
                "\(owner) has \(pairs.count) tags; at most \(Self.maximumTags) are allowed (AWS allows 50, mirrorplan adds 2)",
                at: node.position)
            clean = false
        }
        for pair in pairs {
            guard let key = pair.key.scalar, key.kind == .string else {
                error(.wrongType, "tag keys must be strings, not \(pair.key.typeName)", at: pair.key.position)
                clean = false
                continue
            }
            let lowered = key.text.lowercased()
            if lowered.hasPrefix("aws:") {
                error(
                    .invalidTag, "tag key '\(key.text)' starts with 'aws:', which AWS reserves for itself",
                    at: pair.key.position)
                clean = false
            } else if lowered.hasPrefix("mirrorplan:") {
                error(
                    .invalidTag,
                    "tag key '\(key.text)' starts with 'mirrorplan:', which mirrorplan reserves for its ownership tags",
                    at: pair.key.position)
                clean = false
            } else if key.text.isEmpty || key.text.count > Self.maximumTagKeyLength {
                error(
                    .invalidTag, "tag key '\(key.text)' must be 1 to \(Self.maximumTagKeyLength) characters",
                    at: pair.key.position)
                clean = false
            }
            guard let value = string(pair.value, "the value of tag '\(key.text)'") else {
                clean = false
                continue
            }
            if value.count > Self.maximumTagValueLength {
                error(
                    .invalidTag,
                    "the value of tag '\(key.text)' is \(value.count) characters; at most \(Self.maximumTagValueLength) are allowed",
                    at: pair.value.position)
                clean = false
            }
            tags[key.text] = value
        }
        return clean ? tags : nil
    }

    /// Resource tags over stack tags.
    static func merged(_ stackTags: [String: String], _ own: [String: String]) -> [String: String] {
        stackTags.merging(own) { _, resource in resource }
    }

    mutating func optionalString(_ fields: Fields, _ key: String, _ what: String) -> (present: Bool, value: String?) {
        guard let node = fields[key] else { return (false, nil) }
        return (true, string(node, what))
    }
}
