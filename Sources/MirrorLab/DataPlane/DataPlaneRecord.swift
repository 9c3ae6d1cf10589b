import Foundation

/// `DIR/dataplane.json`: marks an embedded lab whose data plane is up (`lab up`), so every later `--lab DIR`
/// invocation that changes the state also syncs the kernel. It keeps the namespace prefix, so runs from another
/// working directory find the same namespaces.
public struct DataPlaneRecord: Sendable, Hashable, Codable {
    public var prefix: String

    public init(prefix: String) { self.prefix = prefix }

    public static func url(in directory: URL) -> URL { directory.appendingPathComponent("dataplane.json") }

    /// The record, or nil when the lab has no data plane (or the file is unreadable: treated as absent).
    public static func load(from directory: URL) -> DataPlaneRecord? {
        guard let data = try? Data(contentsOf: url(in: directory)) else { return nil }
        return try? JSONDecoder().decode(DataPlaneRecord.self, from: data)
    }

    public func save(in directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try JSONEncoder().encode(self).write(to: Self.url(in: directory), options: .atomic)
    }

    public static func remove(from directory: URL) {
        try? FileManager.default.removeItem(at: url(in: directory))
    }

    /// The names for a lab directory: the recorded prefix, else one derived from the directory's absolute path.
    public static func names(for directory: URL) -> DataPlaneNames {
        if let record = load(from: directory) { return DataPlaneNames(prefix: record.prefix) }
        return DataPlaneNames(identity: directory.standardizedFileURL.resolvingSymlinksInPath().path)
    }
}
