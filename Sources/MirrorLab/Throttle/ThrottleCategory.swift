/// EC2's request-rate categories for the actions the lab serves.
public enum ThrottleCategory: String, Sendable, Hashable {
    case mutating, describe, unfilteredDescribe, tags

    public init(action: String) {
        switch action {
        case "DescribeInstances", "DescribeNetworkInterfaces": self = .unfilteredDescribe
        case "CreateTags", "DeleteTags": self = .tags
        case _ where action.hasPrefix("Describe"): self = .describe
        default: self = .mutating
        }
    }

    /// (bucket size, refill per second) as the EC2 throttling page gives them.
    public var limits: (capacity: Double, refill: Double) {
        switch self {
        case .mutating: (50, 5)
        case .describe: (100, 20)
        case .unfilteredDescribe: (50, 10)
        case .tags: (100, 10)
        }
    }
}
