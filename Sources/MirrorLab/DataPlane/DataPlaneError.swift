import Foundation

/// Why the lab's data plane could not be built, changed or removed.
public enum DataPlaneError: Error, Sendable, CustomStringConvertible {
    case notRoot
    case missingProgram(String)
    case commandFailed(String, status: Int32, stderr: String)
    case notEnabled(String)

    public var description: String {
        switch self {
        case .notRoot:
            "the lab data plane creates network namespaces, which needs root: run it with sudo (or without the data plane)"
        case .missingProgram(let name):
            "the lab data plane needs `\(name)`, which is not installed; install iproute2 (and ethtool) with your "
                + "package manager, e.g. `apt-get install iproute2 ethtool`"
        case .commandFailed(let command, let status, let stderr):
            "`\(command)` exited \(status): \(stderr.trimmingCharacters(in: .whitespacesAndNewlines)); "
                + "`mirrorplan lab down` then `mirrorplan lab up` rebuilds the data plane from scratch"
        case .notEnabled(let directory):
            "the lab in \(directory) has no data plane; start it with `mirrorplan lab up --lab \(directory)` (root)"
        }
    }
}
