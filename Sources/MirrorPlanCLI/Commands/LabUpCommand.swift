import ArgumentParser
import Foundation
import MirrorLab

/// `mirrorplan lab up [--lab DIR]`: builds the embedded lab's data plane (root): a network namespace per instance
/// on a shared bridge, and the lab's sessions as VXLAN with tc mirroring. It outlives this invocation: every later
/// `--lab DIR` command that changes the lab also changes the kernel, until `lab down`.
struct LabUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract:
            "Start the embedded lab's data plane: a network namespace per instance, sessions as kernel VXLAN (root).")

    @OptionGroup var labOptions: LabOptions

    func run() throws {
        let directory = labOptions.directoryOrDefault
        if let reason = DataPlane.unavailableReason() { throw CommandFailure(reason.description) }
        let transport = try LabOptions.transport(for: directory.path)
        let names = DataPlaneRecord.names(for: directory)
        let plane = DataPlane(names: names)
        let started = ContinuousClock.now
        do {
            try DataPlaneRecord(prefix: names.prefix).save(in: directory)
            let state = try transport.stateFile.update { state throws -> LabState in
                try plane.sync(state: state)
                return state
            }
            let status = try plane.status(state: state)
            FileHandle.standardOutput.write(Data(status.renderText().utf8))
            let elapsed = ContinuousClock.now - started
            FileHandle.standardError.write(
                Data(
                    "mirrorplan lab: data plane up in \(elapsed.formatted(.units(allowed: [.milliseconds]))) (namespaces \(names.prefix)-*); `mirrorplan lab down` removes it\n"
                        .utf8))
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
