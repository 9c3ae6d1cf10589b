import Foundation

/// What the kernel holds of one lab's data plane: its namespaces and, per namespace, link names with eth0's
/// alias (the applied mirroring fingerprint). Parsed from `ip netns list` and `ip -o link show` output.
public struct KernelObservation: Sendable, Hashable {
    public var namespaces: Set<String>
    /// Namespace → link name → alias ("" when none).
    public var links: [String: [String: String]]

    public init(namespaces: Set<String> = [], links: [String: [String: String]] = [:]) {
        self.namespaces = namespaces
        self.links = links
    }

    /// `ip netns list`: one namespace per line, optionally followed by `(id: N)`.
    public static func namespaces(fromList output: String) -> [String] {
        output.split(whereSeparator: \.isNewline).compactMap { line in
            line.split(separator: " ").first.map(String.init)
        }
    }

    /// `ip -o link show`: `N: NAME[@PEER]: <FLAGS> ... \    link/ether ... \    alias TEXT`.
    public static func links(fromOneLineOutput output: String) -> [String: String] {
        var links: [String: String] = [:]
        for line in output.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ":", maxSplits: 2)
            guard fields.count >= 2 else { continue }
            let name = fields[1].trimmingCharacters(in: .whitespaces).split(separator: "@").first.map(String.init) ?? ""
            guard !name.isEmpty else { continue }
            var alias = ""
            if let range = line.range(of: "\\    alias ") {
                alias = String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
            links[name] = alias
        }
        return links
    }
}
