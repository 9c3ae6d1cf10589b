import Foundation

/// Where and how a Query-protocol service is called: signing name, API version, endpoint and region.
public struct QueryService: Sendable, Hashable {
    public var signingName: String
    public var version: String
    public var endpoint: URL
    public var region: String

    public init(signingName: String, version: String, endpoint: URL, region: String) {
        self.signingName = signingName
        self.version = version
        self.endpoint = endpoint
        self.region = region
    }

    public static func ec2(endpoint: URL, region: String) -> QueryService {
        QueryService(signingName: "ec2", version: QueryRequest.ec2Version, endpoint: endpoint, region: region)
    }
}
