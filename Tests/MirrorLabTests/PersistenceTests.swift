import EC2Query
import Foundation
import Testing

@testable import MirrorLab

/// The embedded lab: state in DIR/state.json, atomic and locked, shared by separate transports.
@Suite struct PersistenceTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mirrorlab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func post(_ body: String) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: URL(string: "https://ec2.us-east-1.amazonaws.com/")!,
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: Data(body.utf8))
    }

    @Test func separateTransportsSeeOneState() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let created = try await LabTransport(directory: dir).send(
            Self.post("Action=CreateTrafficMirrorFilter&Version=2016-11-15&Description=kept"))
        #expect(created.status == 200)
        let id = try #require(
            XMLProbe.values("trafficMirrorFilterId", in: String(decoding: created.body, as: UTF8.self)).first)
        // A second "invocation": a new transport on the same directory.
        let listed = try await LabTransport(directory: dir).send(
            Self.post("Action=DescribeTrafficMirrorFilters&Version=2016-11-15"))
        #expect(XMLProbe.values("trafficMirrorFilterId", in: String(decoding: listed.body, as: UTF8.self)) == [id])
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("state.json").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// 24 concurrent creates through separate transports: the lock makes every one land (no lost update).
    @Test func concurrentWritersLoseNothing() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    try await LabTransport(directory: dir).send(
                        Self.post("Action=CreateTrafficMirrorFilter&Version=2016-11-15")
                    ).status
                }
            }
            for try await status in group { #expect(status == 200) }
        }
        let state = try StateFile(directory: dir).load()
        #expect(state.filters.count == 24)
        #expect(Set(state.filters.map(\.id)).count == 24)
    }

    /// What the EC2 client sends (a SigV4-signed POST) goes through the embedded lab unchanged.
    @Test func signedRequestsGoThroughTheEmbeddedLab() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let signed = SigV4Signer(region: "us-east-1", service: "ec2").sign(
            Self.post("Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=Server"),
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"),
            date: Date(timeIntervalSince1970: 0))
        let response = try await LabTransport(directory: dir).send(signed)
        #expect(response.status == 200)
        #expect(
            XMLProbe.values("privateIpAddress", in: String(decoding: response.body, as: UTF8.self)).first == "10.0.1.20"
        )
    }

    @Test func labDirectoryReadsItsTopology() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("instances:\n  - { name: Web, subnet: lab, ip: 10.0.1.99 }\n".utf8).write(
            to: dir.appendingPathComponent("topology.yaml"))
        let transport = try LabTransport.forLabDirectory(dir.path)
        let response = try await transport.send(Self.post("Action=DescribeInstances&Version=2016-11-15"))
        #expect(
            XMLProbe.values("privateIpAddress", in: String(decoding: response.body, as: UTF8.self)).first == "10.0.1.99"
        )
        #expect(transport.stateFile.url == dir.appendingPathComponent("state.json"))
    }

    @Test func corruptStateIsAClearError() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{not json".utf8).write(to: dir.appendingPathComponent("state.json"))
        #expect {
            try StateFile(directory: dir).load()
        } throws: { error in
            "\(error)".contains("delete it to start a fresh lab")
        }
    }

    @Test func stateRoundTripsThroughJSON() throws {
        var emulator = LabEmulator()
        _ = emulator.handle(
            QueryParameters(["Action": "CreateTrafficMirrorFilter", "Version": "2016-11-15", "ClientToken": "t"]))
        let data = try JSONEncoder().encode(emulator.state)
        #expect(try JSONDecoder().decode(LabState.self, from: data) == emulator.state)
    }
}
