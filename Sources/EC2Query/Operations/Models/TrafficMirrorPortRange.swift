import Foundation

/// A port range (`fromPort`–`toPort`), request and response side.
public struct TrafficMirrorPortRange: Sendable, Hashable {
    public var fromPort: Int?
    public var toPort: Int?

    public init(fromPort: Int?, toPort: Int?) {
        self.fromPort = fromPort
        self.toPort = toPort
    }

    init?(xml node: XMLNode?) {
        guard let node else { return nil }
        self.init(fromPort: node.int("fromPort"), toPort: node.int("toPort"))
    }
}
