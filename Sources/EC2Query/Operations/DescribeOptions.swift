import Foundation

/// Inputs shared by the Describe operations.
public struct DescribeOptions: Sendable, Hashable {
    public var filters: [EC2Filter]
    public var maxResults: Int?
    public var nextToken: String?
    public var dryRun: Bool?

    public init(filters: [EC2Filter] = [], maxResults: Int? = nil, nextToken: String? = nil, dryRun: Bool? = nil) {
        self.filters = filters
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.dryRun = dryRun
    }
}
