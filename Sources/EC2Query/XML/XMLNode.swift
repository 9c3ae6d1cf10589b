import Foundation

/// An immutable XML element tree with namespace prefixes stripped, so EC2's responses decode whether or not
/// they carry `xmlns` (and whichever trailing-slash form of it).
public struct XMLNode: Sendable, Hashable {
    public var name: String
    public var text: String
    public var children: [XMLNode]

    public init(name: String, text: String = "", children: [XMLNode] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child element with this local name.
    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Walks a path of child names: `node["trafficMirrorTarget", "tagSet"]`.
    public subscript(_ path: String...) -> XMLNode? {
        var node: XMLNode? = self
        for name in path { node = node?.child(name) }
        return node
    }

    /// Trimmed text of a child, nil when the child is absent.
    public func string(_ name: String) -> String? {
        child(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    public func int(_ name: String) -> Int? { string(name).flatMap { Int($0) } }

    public func bool(_ name: String) -> Bool? {
        switch string(name) {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// The `<item>` children of a `<xSet>` child; empty when the set is absent or empty.
    public func items(_ setName: String) -> [XMLNode] {
        child(setName)?.children.filter { $0.name == "item" } ?? []
    }

    /// `tagSet` items as tags.
    public func tags(_ setName: String = "tagSet") -> [EC2Tag] {
        items(setName).compactMap { item in
            item.string("key").map { EC2Tag(key: $0, value: item.string("value") ?? "") }
        }
    }
}
