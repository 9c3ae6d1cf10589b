import Foundation

/// The test fixtures and examples, found from this file's place in the package.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func marked(_ name: String) throws -> MarkedText {
        MarkedText(try String(contentsOf: directory.appendingPathComponent(name + ".yaml"), encoding: .utf8))
    }

    static var examples: [URL] {
        let root = packageRoot.appendingPathComponent("examples")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "yaml" }.sorted {
            $0.path < $1.path
        }
    }

    /// Every fixture name under a folder (`invalid`, `warnings`, `valid`), e.g. `invalid/vni-range`.
    static func names(in folder: String) -> [String] {
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { folder + "/" + $0.dropLast(5) }.sorted()
    }
}
