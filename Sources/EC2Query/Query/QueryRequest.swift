import Foundation

/// One EC2 Query-protocol call: `Action`, `Version` and the flattened parameters, in order.
public struct QueryRequest: Sendable, Hashable {
    public static let ec2Version = "2016-11-15"

    public var action: String
    public var version: String
    public var parameters: QueryParameters

    public init(action: String, version: String = QueryRequest.ec2Version, parameters: QueryParameters = QueryParameters()) {
        self.action = action
        self.version = version
        self.parameters = parameters
    }

    /// The `application/x-www-form-urlencoded` body, byte for byte what botocore's serializer sends.
    public var formBody: String {
        ([("Action", action), ("Version", version)] + parameters.pairs.map { ($0.name, $0.value) })
            .map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }
            .joined(separator: "&")
    }
}

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

/// A Describe filter: `Name` with OR-ed `Values`.
public struct EC2Filter: Sendable, Hashable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}

/// A resource tag. `value` is optional because DeleteTags may name only the key.
public struct EC2Tag: Sendable, Hashable, Codable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}
