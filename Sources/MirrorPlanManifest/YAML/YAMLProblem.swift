/// Why a YAML text has no usable tree.
struct YAMLProblem: Error, Sendable {
    enum Kind: Sendable, Equatable {
        case syntax
        case duplicateKey(String)
        case multipleDocuments
        case tooDeep
        case tooManyNodes
    }

    var kind: Kind
    var message: String
    var position: SourcePosition
}
