import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses bytes into an `XMLNode` tree with Foundation's `XMLParser`, guarding against its Linux quirks:
/// `parse()` returns true on malformed XML (swift-corelibs-foundation#5281), so `parserError` is always checked,
/// and empty input is an error. External entities are never resolved; depth is capped against hostile input.
public enum XMLDocumentParser {
    public static let maximumDepth = 64

    public static func parse(_ data: Data) throws(XMLDecodingError) -> XMLNode {
        guard data.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw .empty
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(maximumDepth: maximumDepth)
        parser.delegate = builder
        let finished = parser.parse()
        if builder.tooDeep { throw .tooDeep(limit: maximumDepth) }
        if !finished || parser.parserError != nil || builder.sawError {
            throw .malformed(line: parser.lineNumber, column: parser.columnNumber)
        }
        guard let root = builder.root, builder.stack.isEmpty else {
            throw .malformed(line: parser.lineNumber, column: parser.columnNumber)
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        struct Open {
            var name: String
            var text = ""
            var children: [XMLNode] = []
        }

        let maximumDepth: Int
        var stack: [Open] = []
        var root: XMLNode?
        var sawError = false
        var tooDeep = false

        init(maximumDepth: Int) { self.maximumDepth = maximumDepth }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if root != nil { sawError = true }  // a second top-level element
            if stack.count >= maximumDepth {
                tooDeep = true
                parser.abortParsing()
                return
            }
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            stack.append(Open(name: local))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard let open = stack.popLast() else {
                sawError = true
                return
            }
            let node = XMLNode(name: open.name, text: open.text, children: open.children)
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { sawError = true }
    }
}

/// Why a response body is not usable XML.
public enum XMLDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case malformed(line: Int, column: Int)
    case tooDeep(limit: Int)

    public var description: String {
        switch self {
        case .empty: "the body is empty"
        case .malformed(let line, let column): "the body is not well-formed XML (line \(line), column \(column))"
        case .tooDeep(let limit): "the XML nests deeper than \(limit) elements"
        }
    }
}
