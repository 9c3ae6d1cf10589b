/// A tiny XML tree for EC2 responses: elements with text or children, rendered with escaping.
/// Optional members that are nil are simply left out, as EC2 does.
struct XMLNode: Sendable, Hashable {
    var name: String
    var text: String?
    var children: [XMLNode]
    /// Pre-rendered XML written verbatim (a ClientToken replay of a resource deleted since).
    var raw: String?
    var attributes: [(String, String)] { attributeList.map { ($0.name, $0.value) } }
    private var attributeList: [Attribute]

    private struct Attribute: Sendable, Hashable {
        var name: String
        var value: String
    }

    init(_ name: String, text: String) {
        self.name = name
        self.text = text
        self.children = []
        self.attributeList = []
    }

    init(_ name: String, _ children: [XMLNode] = [], attributes: [(String, String)] = []) {
        self.name = name
        self.text = nil
        self.children = children
        self.attributeList = attributes.map { Attribute(name: $0.0, value: $0.1) }
    }

    /// `<name>value</name>`, or nothing when the value is nil.
    static func leaf(_ name: String, _ value: String?) -> [XMLNode] {
        value.map { [XMLNode(name, text: $0)] } ?? []
    }

    static func leaf(_ name: String, _ value: Int?) -> [XMLNode] { leaf(name, value.map(String.init)) }

    static func leaf(_ name: String, _ value: Bool) -> [XMLNode] { leaf(name, value ? "true" : "false") }

    /// EC2's list form: `<nameSet><item>…</item></nameSet>`.
    static func set(_ name: String, _ items: [[XMLNode]]) -> XMLNode {
        XMLNode(name, items.map { XMLNode("item", $0) })
    }

    static func stringSet(_ name: String, _ items: [String]) -> XMLNode {
        XMLNode(name, items.map { XMLNode("item", text: $0) })
    }

    init(raw: String) {
        self.name = ""
        self.text = nil
        self.children = []
        self.attributeList = []
        self.raw = raw
    }

    /// The element without the XML declaration.
    func fragment() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        if let raw {
            out += raw
            return
        }
        out += "<" + name
        for attribute in attributeList { out += " \(attribute.name)=\"\(Self.escape(attribute.value))\"" }
        if let text {
            out += ">" + Self.escape(text) + "</" + name + ">"
        } else if children.isEmpty {
            out += "/>"
        } else {
            out += ">"
            for child in children { child.write(into: &out) }
            out += "</" + name + ">"
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 cannot carry most control characters at all; a numeric reference keeps parsers happy
            // for tab/newline/CR and the rest become U+FFFD.
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
