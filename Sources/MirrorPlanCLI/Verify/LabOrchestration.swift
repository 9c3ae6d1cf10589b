import EC2Query
import Foundation
import MirrorLab
import MirrorPlanModel
import MirrorVerify
import PacketCapture

/// `verify FILE --lab [DIR]` without --pcap/--interface: the manifest's checks run on the lab's data plane. The
/// live sessions come through the lab's EC2 API; each check captures in the target instance's namespace while
/// the traffic goes from the `from` instance's namespace to the `to` address.
struct LabOrchestration {
    var directory: String
    var manifest: String
    var only: String?
    var vni: UInt32?

    /// Instance addresses and live sessions for `checks`' manifest, read through the lab.
    func resolve(_ checks: ManifestChecks) async throws -> LabResolution {
        let (state, entries) = try manifestEntries(checks)
        let client = try LabOptions.client(over: try LabOptions.transport(for: directory))
        do {
            return try await LabResolution.resolve(client: client, state: state, entries: entries)
        } catch let failure as LabResolution.Failure {
            throw VerifyFailure(message: failure.description)
        } catch {
            throw VerifyFailure(message: "reading the lab in \(directory) failed: \(error)")
        }
    }

    func run() async throws -> VerificationReport {
        let labURL = URL(fileURLWithPath: directory)
        guard let record = DataPlaneRecord.load(from: labURL) else {
            throw VerifyFailure(message: DataPlaneError.notEnabled(directory).description)
        }
        let names = DataPlaneNames(prefix: record.prefix)
        var manifestChecks = ManifestChecks(path: manifest, only: only, vni: vni)
        let (_, entries) = try manifestEntries(manifestChecks)
        let resolution = try await resolve(manifestChecks)
        manifestChecks.instances = resolution.addresses
        manifestChecks.liveVNIs = resolution.liveVNIs
        let checks: [VerificationCheck]
        do throws(ManifestChecks.Failure) { checks = try manifestChecks.load() } catch {
            throw VerifyFailure(message: error.description)
        }
        var planned: [NamespaceCheck] = []
        for (check, entry) in zip(checks, entries) {
            guard let live = resolution.sessions[entry.session] else {
                throw VerifyFailure(
                    message: "check \(check.name): session `\(entry.session)` is not in the lab in \(directory); "
                        + "create it with `mirrorplan apply \(manifest) --lab \(directory)`")
            }
            guard let target = live.targetInstance else {
                throw VerifyFailure(
                    message: "check \(check.name): session \(live.id) mirrors to a target that is not an instance's "
                        + "network interface, which the lab data plane cannot capture on; verify it with --pcap")
            }
            let from = try instance(at: check.from, role: "from", check: check.name, resolution)
            let to = try instance(at: check.to, role: "to", check: check.name, resolution)
            let timeout = entry.timeout.components
            planned.append(
                NamespaceCheck(
                    check: check, capture: NetworkNamespace(name: names.namespace(forInstance: target)),
                    from: NetworkNamespace(name: names.namespace(forInstance: from)),
                    to: NetworkNamespace(name: names.namespace(forInstance: to)),
                    timeoutNanoseconds: timeout.seconds * 1_000_000_000 + timeout.attoseconds / 1_000_000_000))
        }
        do {
            return try NamespaceVerification.verify(planned) { line in
                FileHandle.standardError.write(Data("verify: \(line)\n".utf8))
            }
        } catch {
            throw VerifyFailure(
                message: "\(error); check the data plane with `mirrorplan lab status --lab \(directory)`")
        }
    }

    private func manifestEntries(_ checks: ManifestChecks) throws -> (DesiredState, [VerifyCheck]) {
        do throws(ManifestChecks.Failure) { return try checks.entries() } catch {
            throw VerifyFailure(message: error.description)
        }
    }

    private func instance(
        at address: PacketCapture.IPAddress, role: String, check: String, _ resolution: LabResolution
    ) throws -> String {
        guard let name = resolution.instanceAt[address] else {
            throw VerifyFailure(
                message: "check \(check): `\(role)` address \(address) is no lab instance's address; the lab's "
                    + "instances are "
                    + resolution.instanceAt.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", "))
        }
        return name
    }
}
