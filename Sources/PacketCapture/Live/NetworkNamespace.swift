import CLinuxNet
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A named network namespace (`ip netns add NAME`, bound at /run/netns/NAME). `start` runs work on a new thread
/// that has entered it: sockets made there (captures, probes, listeners) belong to the namespace for good,
/// while the rest of the process stays where it was (setns(2) on a thread changes only that thread).
public struct NetworkNamespace: Sendable, Hashable {
    public var name: String

    public init(name: String) { self.name = name }

    public var path: String { "/run/netns/\(name)" }

    /// Runs `body` on its own thread inside the namespace; `NamespaceThread.wait()` returns its result.
    public func start<T: Sendable>(
        _ label: String, _ body: @escaping @Sendable () throws(LiveCaptureError) -> T
    ) -> NamespaceThread<T> {
        let handle = NamespaceThread<T>()
        let path = self.path
        let name = self.name
        let thread = Thread {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                handle.finish(
                    .failure(
                        .systemCall(
                            "open \(path)", reason: "no network namespace \(name): \(String(cString: strerror(errno)))")
                    ))
                return
            }
            defer { close(fd) }
            guard clinuxnet_enter_network_namespace(fd) == 0 else {
                let reason = String(cString: strerror(errno))
                handle.finish(
                    .failure(
                        errno == EPERM
                            ? .permissionDenied(what: "entering network namespace \(name)")
                            : .systemCall("setns \(name)", reason: reason)))
                return
            }
            do throws(LiveCaptureError) { handle.finish(.success(try body())) } catch { handle.finish(.failure(error)) }
        }
        thread.name = label
        thread.start()
        return handle
    }
}

/// Work running on a thread inside a network namespace.
public final class NamespaceThread<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once before `done` is signalled and read only after waiting on it.
    private var result: Result<T, LiveCaptureError>?
    private let done = DispatchSemaphore(value: 0)

    init() {}

    func finish(_ value: Result<T, LiveCaptureError>) {
        result = value
        done.signal()
    }

    /// Blocks until the work has finished; rethrows its error.
    public func wait() throws(LiveCaptureError) -> T {
        done.wait()
        done.signal()
        guard let result else { throw .systemCall("namespace thread", reason: "finished without a result") }
        return try result.get()
    }

    /// Whether the work has finished (without blocking).
    public var isFinished: Bool {
        guard done.wait(timeout: .now()) == .success else { return false }
        done.signal()
        return true
    }
}
