/// One iproute2 (or ethtool/sysctl) invocation the data plane needs. A value, so which commands a lab state
/// needs is decided in pure code and tested without root; `CommandRunner` executes them.
public struct KernelCommand: Sendable, Hashable, CustomStringConvertible {
    public var program: String
    public var arguments: [String]
    /// Best effort: a failure is tolerated (offload switches where ethtool is missing, deleting what may be gone).
    public var mayFail: Bool

    public init(_ program: String, _ arguments: [String], mayFail: Bool = false) {
        self.program = program
        self.arguments = arguments
        self.mayFail = mayFail
    }

    static func ip(_ arguments: String..., mayFail: Bool = false) -> KernelCommand {
        KernelCommand("ip", arguments, mayFail: mayFail)
    }

    /// `ip -n NS ...`
    static func ip(in namespace: String, _ arguments: [String], mayFail: Bool = false) -> KernelCommand {
        KernelCommand("ip", ["-n", namespace] + arguments, mayFail: mayFail)
    }

    /// `tc -n NS ...`
    static func tc(in namespace: String, _ arguments: [String], mayFail: Bool = false) -> KernelCommand {
        KernelCommand("tc", ["-n", namespace] + arguments, mayFail: mayFail)
    }

    /// `ip netns exec NS PROGRAM ...` for tools without a namespace flag (ethtool, sysctl).
    static func exec(in namespace: String, _ program: String, _ arguments: [String], mayFail: Bool = false)
        -> KernelCommand
    {
        KernelCommand("ip", ["netns", "exec", namespace, program] + arguments, mayFail: mayFail)
    }

    public var description: String { ([program] + arguments).joined(separator: " ") }
}
