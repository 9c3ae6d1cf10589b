import ArgumentParser
import Foundation
import MirrorLab

/// `mirrorplan lab down [--lab DIR]`: removes every namespace, link and process the lab's data plane made.
/// The lab's API state stays; `lab up` rebuilds the kernel side from it.
struct LabDownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "down", abstract: "Remove the embedded lab's data plane (namespaces, links, processes in them).")

    @OptionGroup var labOptions: LabOptions

    func run() throws {
        let directory = labOptions.directoryOrDefault
        let plane = DataPlane(names: DataPlaneRecord.names(for: directory))
        do { try plane.down() } catch { throw CommandFailure(error.description) }
        DataPlaneRecord.remove(from: directory)
        FileHandle.standardError.write(Data("mirrorplan lab: data plane \(plane.names.prefix) removed\n".utf8))
    }
}
