/// The manifest's own `Sendable` copy of a composed YAML tree: Yams' `Node` is not `Sendable`, so the
/// composer converts it at once and nothing else sees Yams.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    var content: Content
    var position: SourcePosition

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// What kind of value this is, for "expected X, got Y" messages.
    var typeName: String {
        switch content {
        case .scalar(let scalar): scalar.kind.typeName
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}

struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// A scalar with its YAML 1.1 core-schema type resolved (as PyYAML resolves it, so the JSON Schema check of
/// the same file sees the same types): plain `100` is an integer, quoted `"100"` a string.
struct YAMLScalar: Sendable {
    enum Kind: Sendable, Equatable {
        case string, integer, float, boolean, null, timestamp

        var typeName: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .float: "a number"
            case .boolean: "a boolean"
            case .null: "null"
            case .timestamp: "a date"
            }
        }
    }

    var text: String
    var kind: Kind
}
