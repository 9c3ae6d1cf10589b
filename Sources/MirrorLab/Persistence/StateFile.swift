import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lab's state on disk: JSON written atomically (temp file + rename) while holding an exclusive
/// `flock` on a sibling `.lock` file, so separate `--lab` runs see one consistent state.
public struct StateFile: Sendable {
    public var url: URL
    /// The state a missing file starts from.
    public var initial: @Sendable () -> LabState

    public init(url: URL, initial: @escaping @Sendable () -> LabState = { LabState() }) {
        self.url = url
        self.initial = initial
    }

    /// `DIR/state.json` for `--lab DIR`.
    public init(directory: URL, initial: @escaping @Sendable () -> LabState = { LabState() }) {
        self.init(url: directory.appendingPathComponent("state.json"), initial: initial)
    }

    var lockURL: URL { url.appendingPathExtension("lock") }

    /// Runs `body` on the stored state under the lock, and saves the state if `body` changed it.
    public func update<T>(_ body: (inout LabState) throws -> T) throws -> T {
        try locked {
            var state = try load()
            let before = state
            let result = try body(&state)
            if state != before { try save(state) }
            return result
        }
    }

    /// Replaces the stored state under the lock (the served lab writes through after each change).
    public func store(_ state: LabState) throws {
        try locked { try save(state) }
    }

    private func locked<T>(_ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StateFileError.cannotLock(lockURL.path, errno: errno) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StateFileError.cannotLock(lockURL.path, errno: errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// The stored state, or the initial one when there is no file yet.
    public func load() throws -> LabState {
        guard FileManager.default.fileExists(atPath: url.path) else { return initial() }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw StateFileError.unreadable(url.path, "\(error)") }
        do {
            let state = try JSONDecoder().decode(LabState.self, from: data)
            guard state.formatVersion == LabState.currentFormat else {
                throw StateFileError.corrupt(
                    url.path, "format version \(state.formatVersion), expected \(LabState.currentFormat)")
            }
            return state
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError.corrupt(url.path, "\(error)")
        }
    }

    /// Writes the state to a temporary file in the same directory, then renames it over the old one.
    public func save(_ state: LabState) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(state)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try data.write(to: temp)
            guard rename(temp.path, url.path) == 0 else { throw StateFileError.cannotWrite(url.path, errno: errno) }
        } catch let error as StateFileError {
            try? FileManager.default.removeItem(at: temp)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw StateFileError.cannotWrite(url.path, errno: errno)
        }
    }
}

public enum StateFileError: Error, Sendable, CustomStringConvertible {
    case cannotLock(String, errno: Int32)
    case unreadable(String, String)
    case corrupt(String, String)
    case cannotWrite(String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotLock(let path, let code):
            "cannot lock \(path): \(String(cString: strerror(code))); check the directory is writable"
        case .unreadable(let path, let why): "cannot read the lab state \(path): \(why)"
        case .corrupt(let path, let why):
            "the lab state \(path) is not a state file this mirrorplan can read (\(why)); delete it to start a fresh lab"
        case .cannotWrite(let path, let code):
            "cannot write the lab state \(path): \(String(cString: strerror(code))); check the directory is writable"
        }
    }
}
