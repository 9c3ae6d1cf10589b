import MirrorPlanModel

/// Walks the composed tree of one manifest, collecting every diagnostic (never stopping at the first) and
/// the parts that did read cleanly; `ManifestChecks` then looks across the parts.
struct ManifestReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    // MARK: Reporting

    mutating func error(_ code: ManifestDiagnosticCode, _ message: String, at position: SourcePosition) {
        diagnostics.append(.error(code.rawValue, message, at: position.location(in: file)))
    }

    mutating func warning(_ code: ManifestDiagnosticCode, _ message: String, at position: SourcePosition) {
        diagnostics.append(.warning(code.rawValue, message, at: position.location(in: file)))
    }

    // MARK: Mappings with a fixed set of keys

    /// The keys a mapping may have, for unknown-key and missing-key messages.
    struct FieldSet {
        /// How messages name the mapping: "a filter rule", "target 'monitor'".
        var context: String
        var allowed: [String]
        var required: [String] = []
    }

    struct Fields {
        var pairs: [String: YAMLPair] = [:]
        subscript(key: String) -> YAMLNode? { pairs[key]?.value }
        func keyNode(_ key: String) -> YAMLNode? { pairs[key]?.key }
    }

    /// Reads a mapping whose keys must come from `set`; reports unknown keys (with a suggestion), non-string
    /// keys and missing required keys (at `owner`, the key that names this mapping, when there is one).
    mutating func fields(of node: YAMLNode, _ set: FieldSet, owner: SourcePosition? = nil) -> Fields? {
        guard case .mapping(let pairs) = node.content else {
            error(.wrongType, "\(set.context) must be a mapping, not \(node.typeName)", at: node.position)
            return nil
        }
        var fields = Fields()
        for pair in pairs {
            guard let key = pair.key.scalar else {
                error(
                    .wrongType, "keys of \(set.context) must be plain words, not \(pair.key.typeName)",
                    at: pair.key.position)
                continue
            }
            guard set.allowed.contains(key.text) else {
                error(
                    .unknownKey,
                    "unknown key '\(key.text)' in \(set.context)\(NearestMatch.hint(for: key.text, among: set.allowed)) (allowed: \(set.allowed.joined(separator: ", ")))",
                    at: pair.key.position)
                continue
            }
            fields.pairs[key.text] = pair
        }
        for key in set.required where fields.pairs[key] == nil {
            error(.missingKey, "\(set.context) is missing required key '\(key)'", at: owner ?? node.position)
        }
        return fields
    }

    /// The entries of a mapping keyed by logical names (targets, filters, sessions); names must fit the pattern.
    mutating func namedEntries(of node: YAMLNode, kind: String) -> [(name: String, key: YAMLNode, value: YAMLNode)] {
        guard case .mapping(let pairs) = node.content else {
            error(
                .wrongType, "'\(kind)s' must be a mapping of \(kind) names to \(kind)s, not \(node.typeName)",
                at: node.position)
            return []
        }
        var entries: [(name: String, key: YAMLNode, value: YAMLNode)] = []
        for pair in pairs {
            guard let key = pair.key.scalar else {
                error(.wrongType, "\(kind) names must be plain words, not \(pair.key.typeName)", at: pair.key.position)
                continue
            }
            // An invalid name is reported, and the entry is still read so its other problems show up too.
            if !DesiredState.isValidName(key.text) {
                error(.invalidName, "\(kind) name '\(key.text)' \(Self.nameRule)", at: pair.key.position)
            }
            entries.append((key.text, pair.key, pair.value))
        }
        return entries
    }

    static let nameRule =
        "must be 1 to 63 lower-case letters, digits and '-', starting with a letter or digit ([a-z0-9][a-z0-9-]{0,62})"

    // MARK: Scalars

    mutating func string(_ node: YAMLNode, _ what: String) -> String? {
        guard let scalar = node.scalar, scalar.kind == .string else {
            let hint = node.scalar.map { " (quote it: \"\($0.text)\")" } ?? ""
            error(.wrongType, "\(what) must be a string, not \(node.typeName)\(hint)", at: node.position)
            return nil
        }
        return scalar.text
    }

    /// An integer in `range`; a value outside it is reported with `rangeCode`.
    mutating func integer(
        _ node: YAMLNode, _ what: String, in range: ClosedRange<Int>, rangeCode: ManifestDiagnosticCode,
        note: String = ""
    ) -> Int? {
        guard let scalar = node.scalar, scalar.kind == .integer else {
            error(
                .wrongType,
                "\(what) must be an integer (\(range.lowerBound)..\(range.upperBound)), not \(node.typeName)",
                at: node.position)
            return nil
        }
        guard let value = ScalarResolver.integerValue(scalar.text), range.contains(value) else {
            error(
                rangeCode,
                "\(what) \(scalar.text) is out of range; allowed: \(range.lowerBound)..\(range.upperBound)\(note)",
                at: node.position)
            return nil
        }
        return value
    }

    /// A string from a fixed set of words.
    mutating func word<Value: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String, as type: Value.Type)
        -> Value?
    where Value.RawValue == String {
        guard let text = string(node, what) else { return nil }
        let allowed = Value.allCases.map(\.rawValue)
        guard let value = Value(rawValue: text) else {
            error(
                .invalidValue,
                "\(what) '\(text)' is not allowed\(NearestMatch.hint(for: text, among: allowed)) (allowed: \(allowed.joined(separator: ", ")))",
                at: node.position)
            return nil
        }
        return value
    }

    mutating func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.content else {
            error(.wrongType, "\(what) must be a list, not \(node.typeName)", at: node.position)
            return nil
        }
        return items
    }
}
