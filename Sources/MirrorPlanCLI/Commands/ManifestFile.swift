import Foundation
import MirrorPlanManifest
import MirrorPlanModel

/// Reading a manifest file: the thin I/O shell around the pure loader.
enum ManifestFile {
    enum Outcome {
        case contents(Data)
        case unreadable(Diagnostic)
    }

    static func read(_ path: String) -> Outcome {
        let location = SourceLocation(file: path, line: 1, column: 1)
        func failure(_ message: String) -> Outcome {
            .unreadable(.error(ManifestDiagnosticCode.unreadable.rawValue, message, at: location))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return failure("cannot read the file: it does not exist")
        }
        if isDirectory.boolValue {
            return failure("cannot read the file: it is a directory; give the manifest files inside it")
        }
        // Check the size before reading, so a huge file is refused without loading it.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > ManifestLoader.maximumFileSize
        {
            return .unreadable(
                .error(
                    ManifestDiagnosticCode.tooLarge.rawValue,
                    "the file is \(size) bytes; a manifest may be at most \(ManifestLoader.maximumFileSize) bytes",
                    at: location))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return failure("cannot read the file: permission denied or not a regular file")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: ManifestLoader.maximumFileSize + 1) ?? Data()
            return .contents(data)
        } catch {
            return failure("cannot read the file: \(error.localizedDescription)")
        }
    }
}
