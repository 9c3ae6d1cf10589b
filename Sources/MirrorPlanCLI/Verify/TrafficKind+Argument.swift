import ArgumentParser
import MirrorVerify

extension TrafficKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension MirrorExpectation: ExpressibleByArgument {}
