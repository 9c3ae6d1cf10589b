import Foundation

/// A resource tag. `value` is optional because DeleteTags may name only the key.
public struct EC2Tag: Sendable, Hashable, Codable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}
