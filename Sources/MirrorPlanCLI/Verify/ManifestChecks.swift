import Foundation
import MirrorPlanManifest
import MirrorPlanModel
import MirrorVerify
import PacketCapture

/// A manifest's `verify` entries → `VerificationCheck`s: the session's VNI, literal IP endpoints, traffic,
/// count and expectation. Instance endpoints take their addresses from `instances` (resolved through the lab by
/// the caller) or `--from`/`--to` overrides, else fail with a message saying what to write instead.
struct ManifestChecks {
    var path: String
    var only: String?
    /// Used when the session leaves the VNI to AWS; nil then matches any VNI (the report names what was seen).
    var vni: UInt32?
    var from: PacketCapture.IPAddress?
    var to: PacketCapture.IPAddress?
    /// Instance references (`Client`, `i-...`) → their primary addresses, resolved by the caller.
    var instances: [String: PacketCapture.IPAddress] = [:]
    /// Session name → the live session's VNI, for sessions whose manifest leaves the VNI to AWS.
    var liveVNIs: [String: UInt32] = [:]

    /// Why the manifest's checks could not be turned into checks to run (exit 1, message on stderr).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func load() throws(Failure) -> [VerificationCheck] {
        let (state, selected) = try entries()
        return try selected.map { entry throws(Failure) in
            let session = state.session(named: entry.session)
            return VerificationCheck(
                name: entry.name, session: entry.session,
                vni: session?.vni.map { UInt32($0) } ?? liveVNIs[entry.session] ?? vni,
                from: try endpoint(entry.from, override: from, role: "from", check: entry.name),
                to: try endpoint(entry.to, override: to, role: "to", check: entry.name),
                traffic: Self.traffic(entry.traffic), count: entry.count,
                expect: entry.expect == .mirrored ? .mirrored : .notMirrored)
        }
    }

    /// The manifest's desired state and the verify entries selected (all, or the one `only` names).
    func entries() throws(Failure) -> (DesiredState, [VerifyCheck]) {
        let data: Data
        switch ManifestFile.read(path) {
        case .unreadable(let diagnostic): throw Failure(description: Self.render([diagnostic]))
        case .contents(let contents): data = contents
        }
        let loaded = ManifestLoader.load(data: data, file: path)
        guard let state = loaded.state, !loaded.hasErrors else {
            throw Failure(
                description: Self.render(loaded.diagnostics.filter { $0.severity == .error })
                    + "\nfix the manifest (`mirrorplan validate \(path)` shows every problem)")
        }
        var entries = state.verifyChecks
        if let only {
            entries = entries.filter { $0.name == only }
            guard !entries.isEmpty else {
                let names = state.verifyChecks.map(\.name).joined(separator: ", ")
                throw Failure(
                    description: "\(path) has no verify check named '\(only)'; its checks are: "
                        + (names.isEmpty ? "(none)" : names))
            }
        }
        guard !entries.isEmpty else {
            throw Failure(
                description: "\(path) has no `verify` entries; add one, or give the check with flags "
                    + "(--from IP --to IP --vni N ...) and no manifest")
        }
        return (state, entries)
    }

    private func endpoint(
        _ endpoint: VerifyEndpoint, override: PacketCapture.IPAddress?, role: String, check: String
    ) throws(Failure) -> PacketCapture.IPAddress {
        if let override { return override }
        switch endpoint {
        case .ip(let address):
            guard let converted = PacketCapture.IPAddress(address.description) else {
                throw Failure(description: "check \(check): \(role) address \(address) is not usable")
            }
            return converted
        case .instanceName(let instance), .instanceID(let instance):
            if let address = instances[instance] { return address }
            throw Failure(
                description: "check \(check): `\(role): { instance: \(instance) }` names an instance; verify resolves "
                    + "instances only in the lab (--lab DIR); on AWS write `\(role): { ip: ADDRESS }` in the manifest "
                    + "or pass --\(role)-ip ADDRESS")
        }
    }

    static func traffic(_ traffic: VerifyCheck.Traffic) -> TrafficKind {
        switch traffic {
        case .icmp: .icmp
        case .tcp(let port): .tcp(port: UInt16(clamping: port))
        case .udp(let port): .udp(port: UInt16(clamping: port))
        }
    }

    private static func render(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticTextRenderer(colour: false).render(diagnostics, sources: [:])
            .trimmingCharacters(in: .newlines)
    }
}
