import EC2Query
import Foundation
import Testing

@testable import MirrorLab

/// EC2 caps one filter at 200 values (`FilterLimitExceeded`); the lab enforces it, and the client splits
/// bigger lookups into chunks. Served over real sockets, so the lab's request counts show the chunking.
@Suite struct FilterLimitTests {
    static func topology(instances count: Int) -> Topology {
        Topology(
            vpc: "10.0.0.0/16", subnets: [("lab", "10.0.0.0/20")],
            instances: (0..<count).map {
                Topology.Instance(
                    name: "node-\($0)", subnet: "lab", ip: "10.0.\($0 / 200).\($0 % 200 + 10)", type: "m5.large")
            })
    }

    static func served(instances count: Int) throws -> (LabServer, LabService, EC2Client) {
        let service = LabService(state: LabState(topology: topology(instances: count)), clock: { 0 })
        let server = try LabServer(service: service, port: 0)
        server.start()
        let client = EC2ClientOverLabTests.client(
            transport: URLSessionTransport(timeout: 10), endpoint: URL(string: server.url)!)
        return (server, service, client)
    }

    @Test("the lab answers more than 200 values in one filter with AWS's FilterLimitExceeded")
    func labEnforcesTheCap() async throws {
        let (server, _, client) = try Self.served(instances: 3)
        defer { server.stop() }
        let names = (0..<201).map { "node-\($0)" }
        let error = try await #require(throws: EC2ServiceError.self) {
            try await client.describeInstances(filters: [EC2Filter(name: "tag:Name", values: names)])
        }
        #expect(error.code.rawValue == "FilterLimitExceeded")
        #expect(error.httpStatus == 400)
        #expect(error.message.contains("has 201; the maximum is 200"))
        let atCap = try await client.describeInstances(
            filters: [EC2Filter(name: "tag:Name", values: Array(names.prefix(200)))])
        #expect(atCap.count == 3)
    }

    @Test("resolving 450 names sends three DescribeInstances of at most 200 values and finds every instance")
    func resolveChunks() async throws {
        let (server, service, client) = try Self.served(instances: 450)
        defer { server.stop() }
        let names = (0..<450).map { "node-\($0)" }
        let resolved = try await client.resolveInstances(names: names.shuffled(), ids: [])
        #expect(resolved.count == 450)
        #expect(Set(resolved.values.map(\.instanceID)).count == 450)
        #expect(resolved["node-449"]?.privateIPAddress == "10.0.2.59")
        #expect(service.stats.requests["DescribeInstances"] == 3)
        #expect(service.stats.errors.isEmpty)
    }

    @Test("the ENI lookup import uses is chunked too: 450 interfaces, each attached instance once")
    func interfaceLookupChunks() async throws {
        let (server, service, client) = try Self.served(instances: 450)
        defer { server.stop() }
        let all = try await client.describeInstances(filterName: "tag:Name", anyOf: (0..<450).map { "node-\($0)" })
        let enis = all.compactMap { $0.primaryNetworkInterface?.id }
        #expect(enis.count == 450)
        let attached = try await client.describeInstances(
            filterName: "network-interface.network-interface-id", anyOf: enis)
        #expect(attached.count == 450)
        #expect(service.stats.requests["DescribeInstances"] == 6)
        #expect(service.stats.errors.isEmpty)
    }
}
