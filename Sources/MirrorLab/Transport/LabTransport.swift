import EC2Query
import Foundation

/// The embedded lab (`--lab DIR`): an `HTTPTransport` that answers in-process from `DIR/state.json`, so the
/// client's whole SigV4 → Query → XML path runs without a server. Each request locks, loads, handles and
/// (if changed) saves the state, so separate invocations behave as one EC2.
public struct LabTransport: HTTPTransport {
    public var stateFile: StateFile

    /// The data plane to sync after each change; set when the lab directory has one (`lab up`).
    public var dataPlane: DataPlane?

    public init(stateFile: StateFile, dataPlane: DataPlane? = nil) {
        self.stateFile = stateFile
        self.dataPlane = dataPlane
    }

    /// `--lab DIR`, with the topology read from `DIR/topology.yaml` when a fresh state is created there.
    public init(directory: URL, topology: Topology = .standard, seed: UInt64 = 0x6D69_7272_6F72) {
        stateFile = StateFile(directory: directory) { LabState(topology: topology, seed: seed) }
    }

    /// The directory `--lab` uses when none is given (cli.md).
    public static let defaultDirectory = ".mirrorplan/lab"

    /// `--lab [DIR]` / `MIRRORPLAN_LAB=DIR`: the lab in DIR (default `.mirrorplan/lab`), whose instances come
    /// from `DIR/topology.yaml` when that file exists and the state is created fresh, else the standard three.
    public static func forLabDirectory(_ path: String?) throws -> LabTransport {
        let directory = URL(fileURLWithPath: path ?? defaultDirectory)
        let topologyFile = directory.appendingPathComponent("topology.yaml")
        var topology = Topology.standard
        if FileManager.default.fileExists(atPath: topologyFile.path) {
            let text = try String(contentsOf: topologyFile, encoding: .utf8)
            topology = try Topology(yaml: text, file: topologyFile.path)
        }
        var transport = LabTransport(directory: directory, topology: topology)
        if let record = DataPlaneRecord.load(from: directory) {
            transport.dataPlane = DataPlane(names: DataPlaneNames(prefix: record.prefix))
        }
        return transport
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == "POST" || request.method == "GET" else {
            return LabService.xml(
                LabError(
                    code: "InvalidAction", message: "EC2 Query requests are POST /; got \(request.method).", status: 405
                ),
                requestId: "lab")
        }
        let dataPlane = dataPlane
        let (response, syncError) = try stateFile.update { state in
            var emulator = LabEmulator(state: state)
            let response = emulator.handle(body: request.body, urlQuery: request.url.query)
            state = emulator.state
            // Under the state lock, so concurrent invocations apply their changes to the kernel in order.
            guard response.changedState, let dataPlane else { return (response, DataPlaneError?.none) }
            do throws(DataPlaneError) {
                try dataPlane.sync(state: state)
                return (response, nil)
            } catch { return (response, error) }
        }
        // The change is saved either way; the next sync (or `lab up`) catches the kernel up.
        if let syncError { throw LabTransportError.dataPlaneNotSynced(syncError) }
        return HTTPResponse(
            status: response.status, headers: ["Content-Type": "text/xml;charset=UTF-8"],
            body: Data(response.body.utf8))
    }
}
