import Yams

/// The only file that sees Yams: composes one YAML document and converts it at once into `YAMLNode`s.
enum YAMLComposer {
    /// Aliases can make a small file expand to billions of nodes ("billion laughs"); stop long before that.
    static let maximumNodes = 500_000

    /// Composes `text`. Mapping keys at `droppedKeys` are left out (they are duplicates already reported).
    static func compose(_ text: String, droppingKeysAt droppedKeys: Set<SourcePosition> = []) -> Result<
        YAMLNode?, YAMLProblem
    > {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(problem(from: error, in: text))
        } catch {
            return .failure(
                YAMLProblem(
                    kind: .syntax, message: "YAML could not be parsed", position: SourcePosition(line: 1, column: 1)))
        }
        guard let root else { return .success(nil) }
        var converter = Converter(droppedKeys: droppedKeys)
        do {
            return .success(try converter.convert(root))
        } catch {
            return .failure(error)
        }
    }

    private struct Converter {
        let droppedKeys: Set<SourcePosition>
        var count = 0

        mutating func convert(_ node: Node) throws(YAMLProblem) -> YAMLNode {
            count += 1
            let position = Self.position(node.mark)
            guard count <= YAMLComposer.maximumNodes else {
                throw YAMLProblem(
                    kind: .tooManyNodes,
                    message:
                        "the document has more than \(YAMLComposer.maximumNodes) YAML nodes (counting what aliases expand to); a manifest needs far fewer",
                    position: position)
            }
            switch node {
            case .scalar(let scalar):
                return YAMLNode(content: .scalar(Self.scalar(scalar)), position: position)
            case .mapping(let mapping):
                var pairs: [YAMLPair] = []
                pairs.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    if droppedKeys.contains(Self.position(key.mark)) { continue }
                    pairs.append(YAMLPair(key: try convert(key), value: try convert(value)))
                }
                return YAMLNode(content: .mapping(pairs), position: position)
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                items.reserveCapacity(sequence.count)
                for item in sequence { items.append(try convert(item)) }
                return YAMLNode(content: .sequence(items), position: position)
            case .alias:
                // compose() resolves aliases to the anchored node; an unresolved one is an undefined alias.
                throw YAMLProblem(kind: .syntax, message: "found an undefined alias", position: position)
            }
        }

        static func position(_ mark: Mark?) -> SourcePosition {
            SourcePosition(line: max(mark?.line ?? 1, 1), column: max(mark?.column ?? 1, 1))
        }

        static func scalar(_ scalar: Node.Scalar) -> YAMLScalar {
            let tag = scalar.tag.description
            let core = "tag:yaml.org,2002:"
            if tag.hasPrefix(core) {
                let kind: YAMLScalar.Kind =
                    switch tag.dropFirst(core.count) {
                    case "int": .integer
                    case "float": .float
                    case "bool": .boolean
                    case "null": .null
                    case "timestamp": .timestamp
                    default: .string
                    }
                return YAMLScalar(text: scalar.string, kind: kind)
            }
            let kind = scalar.style == .plain && tag.isEmpty ? ScalarResolver.kind(ofPlain: scalar.string) : .string
            return YAMLScalar(text: scalar.string, kind: kind)
        }
    }

    private static func problem(from error: YamlError, in text: String) -> YAMLProblem {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            // context.text is the whole document: never print it.
            return YAMLProblem(
                kind: .duplicateKey(duplicates.first ?? ""), message: "duplicate key",
                position: SourcePosition(line: context.mark.line, column: context.mark.column))
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let position = SourcePosition(line: max(mark.line, 1), column: max(mark.column, 1))
            if problem.contains("Maximum nesting level") || context?.text.contains("Maximum nesting level") == true {
                return YAMLProblem(kind: .tooDeep, message: "nesting deeper than YAML allows here", position: position)
            }
            if problem.contains("but found another document") {
                return YAMLProblem(kind: .multipleDocuments, message: problem, position: position)
            }
            var message = problem
            if let context, !context.text.isEmpty {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return YAMLProblem(kind: .syntax, message: message, position: position)
        case .reader(let problem, let offset, _, _):
            let position =
                offset.map { SourceText.position(ofCharacterOffset: $0, in: text) }
                ?? SourcePosition(line: 1, column: 1)
            return YAMLProblem(kind: .syntax, message: problem, position: position)
        default:
            return YAMLProblem(
                kind: .syntax, message: "YAML could not be parsed", position: SourcePosition(line: 1, column: 1))
        }
    }
}
