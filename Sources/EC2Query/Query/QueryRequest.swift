import Foundation

/// One EC2 Query-protocol call: `Action`, `Version` and the flattened parameters, in order.
public struct QueryRequest: Sendable, Hashable {
    public static let ec2Version = "2016-11-15"

    public var action: String
    public var version: String
    public var parameters: QueryParameters

    public init(
        action: String, version: String = QueryRequest.ec2Version, parameters: QueryParameters = QueryParameters()
    ) {
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
