import Foundation

/// Ordered `name=value` pairs with EC2's list flattening (`Key.1`, `Filter.1.Value.2`), as botocore's
/// `EC2Serializer` does it: lists are 1-based, empty lists and nil values send nothing.
public struct QueryParameters: Sendable, Hashable {
    public struct Pair: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public private(set) var pairs: [Pair] = []

    public init() {}

    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    public mutating func add(_ name: String, _ value: String?) {
        if let value { pairs.append(Pair(name: name, value: value)) }
    }

    public mutating func add(_ name: String, _ value: Int?) {
        if let value { add(name, String(value)) }
    }

    public mutating func add(_ name: String, _ value: Bool?) {
        if let value { add(name, value ? "true" : "false") }
    }

    /// `name.1=a&name.2=b`
    public mutating func add(_ name: String, list: [String]) {
        for (index, value) in list.enumerated() { add("\(name).\(index + 1)", value) }
    }

    /// `Filter.N.Name` / `Filter.N.Value.M`
    public mutating func add(filters: [EC2Filter]) {
        for (index, filter) in filters.enumerated() {
            add("Filter.\(index + 1).Name", filter.name)
            add("Filter.\(index + 1).Value", list: filter.values)
        }
    }

    /// `Tag.N.Key` / `Tag.N.Value` under `prefix` (`Tag`, `TagSpecification.1.Tag`).
    public mutating func add(tags: [EC2Tag], prefix: String = "Tag") {
        for (index, tag) in tags.enumerated() {
            add("\(prefix).\(index + 1).Key", tag.key)
            add("\(prefix).\(index + 1).Value", tag.value)
        }
    }

    /// `TagSpecification.1.ResourceType` + `TagSpecification.1.Tag.N.*`; nothing when there are no tags.
    public mutating func add(tagSpecificationFor resourceType: String, tags: [EC2Tag]) {
        guard !tags.isEmpty else { return }
        add("TagSpecification.1.ResourceType", resourceType)
        add(tags: tags, prefix: "TagSpecification.1.Tag")
    }
}
