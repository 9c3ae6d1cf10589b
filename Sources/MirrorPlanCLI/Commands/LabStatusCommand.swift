import ArgumentParser
import Foundation
import MirrorLab

/// `mirrorplan lab status [--lab DIR]`: each instance's namespace and whether its mirroring is current, the
/// sessions realised as tunnels, and what the data plane does not realise. Exit 1 when the data plane is not up.
struct LabStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the embedded lab's data plane: namespaces, tunnels, what is not realised.")

    @OptionGroup var labOptions: LabOptions

    func run() throws {
        let directory = labOptions.directoryOrDefault
        guard let record = DataPlaneRecord.load(from: directory) else {
            throw CommandFailure(DataPlaneError.notEnabled(directory.path).description)
        }
        let transport = try LabOptions.transport(for: directory.path)
        let status: DataPlaneStatus
        do {
            status = try DataPlane(names: DataPlaneNames(prefix: record.prefix)).status(
                state: transport.stateFile.load())
        } catch { throw CommandFailure("\(error)") }
        FileHandle.standardOutput.write(Data(status.renderText().utf8))
        if !status.isUp {
            throw CommandFailure(
                "the data plane is not current; `mirrorplan lab up --lab \(directory.path)` brings it up to date")
        }
    }
}
