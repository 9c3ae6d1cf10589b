import EC2Query
import Foundation

@testable import MirrorLab

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// How a conformance case reaches the lab: the pure core in-process, the embedded `LabTransport` (state in a
/// temporary `state.json`), or the served lab over real HTTP.
enum LabMode: String, CaseIterable, Sendable, CustomStringConvertible {
    case inProcess, embedded, served
    var description: String { rawValue }
}

/// A status and body from the lab, whichever way it was reached.
struct LabReply: Sendable {
    var status: Int
    var body: String

    /// The text of the first `<name>` element (enough for IDs and error codes in tests).
    func first(_ name: String) -> String? { XMLProbe.values(name, in: body).first }
    var errorCode: String? { first("Code") }
}

/// Sends form-encoded requests to a fresh lab in the chosen mode.
final class LabDriver: @unchecked Sendable {
    let mode: LabMode
    private var emulator: LabEmulator
    private var server: LabServer?
    private var service: LabService?
    private var transport: LabTransport?
    private var directory: URL?

    init(_ mode: LabMode, state: LabState = LabState()) throws {
        self.mode = mode
        emulator = LabEmulator(state: state)
        if mode == .served {
            let service = LabService(state: state, clock: { 0 })
            let server = try LabServer(service: service, port: 0)
            server.start()
            self.server = server
            self.service = service
        }
        if mode == .embedded {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "mirrorlab-\(UUID().uuidString)")
            transport = LabTransport(stateFile: StateFile(directory: directory) { state })
            self.directory = directory
        }
    }

    deinit {
        server?.stop()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    var url: URL { URL(string: server?.url ?? "http://127.0.0.1:1")! }

    func send(_ parameters: [String: String]) async throws -> LabReply {
        try await send(body: Data(Self.encode(parameters).utf8))
    }

    func send(body: Data) async throws -> LabReply {
        switch mode {
        case .inProcess:
            let response = emulator.handle(body: body)
            return LabReply(status: response.status, body: response.body)
        case .embedded:
            let request = HTTPRequest(
                method: "POST", url: URL(string: "https://ec2.us-east-1.amazonaws.com/")!,
                headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: body)
            let response = try await transport!.send(request)
            return LabReply(status: response.status, body: String(decoding: response.body, as: UTF8.self))
        case .served:
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded; charset=utf-8", forHTTPHeaderField: "Content-Type")
            request.httpBody = body
            let (data, response) = try await URLSession.shared.data(for: request)
            return LabReply(
                status: (response as? HTTPURLResponse)?.statusCode ?? -1, body: String(decoding: data, as: UTF8.self))
        }
    }

    /// The form encoding botocore uses (RFC 3986 unreserved characters kept, everything else escaped).
    static func encode(_ parameters: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return parameters.sorted { $0.key < $1.key }.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}

/// Minimal XML probing for tests: every value of an element, and a well-formedness check that does not
/// trust Linux XMLParser's return value (it returns true on malformed XML; see dependencies.md).
enum XMLProbe {
    static func values(_ name: String, in body: String) -> [String] {
        var out: [String] = []
        var rest = body[...]
        while let open = rest.range(of: "<\(name)>") {
            guard let close = rest[open.upperBound...].range(of: "</\(name)>") else { break }
            out.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return out
    }

    static func isWellFormed(_ body: String) -> Bool {
        guard !body.isEmpty else { return false }
        let parser = XMLParser(data: Data(body.utf8))
        return parser.parse() && parser.parserError == nil
    }
}
