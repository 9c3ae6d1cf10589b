import Foundation

/// The response of a Create call: the object and the client token the server echoed.
public struct Created<Resource: Sendable & Hashable>: Sendable, Hashable {
    public var resource: Resource
    public var clientToken: String?
}
