import Testing

@testable import MirrorLab

@Suite struct TopologyTests {
    @Test func readsTheDocumentedFormat() throws {
        let topology = try Topology(
            yaml: """
                vpc: 10.0.0.0/16
                subnets:
                  lab: 10.0.1.0/24
                  dmz: 10.0.2.0/24
                instances:
                  - { name: Client, subnet: lab, ip: 10.0.1.10 }
                  - { name: Probe, subnet: dmz, ip: 10.0.2.5, type: c4.large, id: i-0123456789abcdef0 }
                """)
        let records = topology.records(region: "us-east-1")
        #expect(records.instances.map(\.name) == ["Client", "Probe"])
        #expect(records.instances[1].id == "i-0123456789abcdef0")
        #expect(records.instances[1].instanceType == "c4.large")
        #expect(records.networkInterfaces.allSatisfy { ResourceKind.networkInterface.isWellFormed($0.id) })
        // The same file gives the same IDs (so state and scripts stay valid across restarts).
        #expect(Topology.standard.records(region: "us-east-1") == Topology.standard.records(region: "us-east-1"))
    }

    @Test(arguments: [
        ("instances:\n  - { name: A, subnet: lab, ip: 10.9.9.9 }\n", 2, "not inside subnet"),
        ("vpc: 10.0.0.0/16\nsubnets:\n  lab: 192.168.0.0/24\ninstances: []\n", 3, "not inside the vpc"),
        ("instances:\n  - { name: A, subnet: nope, ip: 10.0.1.9 }\n", 2, "unknown subnet"),
        (
            "instances:\n  - { name: A, subnet: lab, ip: 10.0.1.9 }\n  - { name: A, subnet: lab, ip: 10.0.1.8 }\n", 3,
            "used twice"
        ),
        ("colour: red\n", 1, "unknown key"),
        ("instances: [\n", 2, "invalid YAML"),
        ("vpc: a\nvpc: b\ninstances: []\n", 1, "duplicate"),
        ("", 1, "empty"),
    ])
    func rejectsWithALocation(_ input: (String, Int, String)) {
        #expect {
            try Topology(yaml: input.0, file: "t.yaml")
        } throws: { error in
            guard let error = error as? TopologyError else { return false }
            return error.line == input.1 && error.description.contains(input.2)
                && error.description.hasPrefix("t.yaml:\(input.1):")
        }
    }
}
