import PacketCapture

/// A check to run on namespaces the caller knows (the lab's data plane): capture on the target's interface,
/// traffic from the `from` namespace to the check's `to` address, a listener in the `to` namespace for TCP.
public struct NamespaceCheck: Sendable, Hashable {
    public var check: VerificationCheck
    public var capture: NetworkNamespace
    public var captureInterface: String
    public var from: NetworkNamespace
    public var to: NetworkNamespace
    /// The longest the capture runs; it ends earlier, a moment after the traffic is done.
    public var timeoutNanoseconds: Int64

    public init(
        check: VerificationCheck, capture: NetworkNamespace, captureInterface: String = "eth0",
        from: NetworkNamespace, to: NetworkNamespace, timeoutNanoseconds: Int64
    ) {
        self.check = check
        self.capture = capture
        self.captureInterface = captureInterface
        self.from = from
        self.to = to
        self.timeoutNanoseconds = timeoutNanoseconds
    }
}
