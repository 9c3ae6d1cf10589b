import Foundation

/// The `--debug` hook: every request and response, rendered with secrets redacted, handed to a sink
/// (stderr in the CLI, an array in tests).
public struct HTTPExchangeLogger: Sendable {
    let sink: @Sendable (String) -> Void

    public init(sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    /// Writes to standard error.
    public static var standardError: HTTPExchangeLogger {
        HTTPExchangeLogger { text in FileHandle.standardError.write(Data((text + "\n").utf8)) }
    }

    public func log(request: HTTPRequest) {
        var lines = ["--> \(request.method) \(request.url.absoluteString)"]
        lines += request.headers.map { "\($0.name): \(Redaction.headerValue(name: $0.name, value: $0.value))" }
        if !request.body.isEmpty { lines += ["", Redaction.body(request.body)] }
        sink(lines.joined(separator: "\n"))
    }

    public func log(response: HTTPResponse, for request: HTTPRequest) {
        var lines = ["<-- \(response.status) \(request.method) \(request.url.absoluteString)"]
        lines += response.headers.sorted { $0.key < $1.key }.map {
            "\($0.key): \(Redaction.headerValue(name: $0.key, value: $0.value))"
        }
        if !response.body.isEmpty { lines += ["", Redaction.body(response.body)] }
        sink(lines.joined(separator: "\n"))
    }

    public func log(failure: any Error, for request: HTTPRequest) {
        sink("<-- failed \(request.method) \(request.url.absoluteString): \(failure)")
    }

    public func note(_ text: String) { sink("--- \(text)") }
}
