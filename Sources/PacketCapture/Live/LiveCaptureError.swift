/// Why live capture or probing could not run.
public enum LiveCaptureError: Error, Equatable, Sendable, CustomStringConvertible {
    case permissionDenied(what: String)
    case noSuchInterface(String)
    case systemCall(String, reason: String)
    case unresolvableHost(String)

    public var description: String {
        switch self {
        case .permissionDenied(let what):
            "\(what) needs root or CAP_NET_RAW: run with sudo, or `setcap cap_net_raw+ep $(which mirrorplan)`"
        case .noSuchInterface(let name):
            "no network interface named \(name) on this host; list them with `ip link`"
        case .systemCall(let call, let reason):
            "\(call) failed: \(reason)"
        case .unresolvableHost(let host):
            "\(host) is not an IPv4 address; pass the address to ping (e.g. --ping 10.0.1.20)"
        }
    }
}
