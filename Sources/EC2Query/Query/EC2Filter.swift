import Foundation

/// A Describe filter: `Name` with OR-ed `Values`.
public struct EC2Filter: Sendable, Hashable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}
