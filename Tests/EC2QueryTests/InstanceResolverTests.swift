import Foundation
import Testing

@testable import EC2Query

@Suite struct InstanceResolverTests {
    static func instance(
        _ id: String, name: String, state: String = "running", eni: String? = nil, ip: String = "10.0.1.10"
    ) -> String {
        let interfaces =
            eni.map {
                "<networkInterfaceSet><item><networkInterfaceId>\($0)</networkInterfaceId><privateIpAddress>\(ip)</privateIpAddress>"
                    + "<attachment><deviceIndex>0</deviceIndex></attachment></item></networkInterfaceSet>"
            } ?? "<networkInterfaceSet/>"
        return
            "<item><instanceId>\(id)</instanceId><instanceType>m5.large</instanceType><instanceState><name>\(state)</name></instanceState>"
            + "<tagSet><item><key>Name</key><value>\(name)</value></item></tagSet>\(interfaces)</item>"
    }

    static func response(_ items: String...) -> String {
        "<DescribeInstancesResponse><requestId>r</requestId><reservationSet><item><instancesSet>\(items.joined())</instancesSet></item></reservationSet></DescribeInstancesResponse>"
    }

    @Test("all names in ONE DescribeInstances call, ids in one more; primary ENI and IP per reference")
    func resolvesInOneCallPerKind() async throws {
        let transport = ScriptedTransport(
            xml:
                Self.response(
                    Self.instance("i-1", name: "Client", eni: "eni-c", ip: "10.0.1.10"),
                    Self.instance("i-2", name: "Server", eni: "eni-s", ip: "10.0.1.20"),
                    Self.instance("i-old", name: "Server", state: "terminated")),
            Self.response(Self.instance("i-3", name: "Target", eni: "eni-t", ip: "10.0.1.30")))
        let resolved = try await TestClients.ec2(transport).resolveInstances(
            names: ["Server", "Client", "Server"], ids: ["i-3"])
        #expect(transport.sent.count == 2)
        #expect(
            transport.sentBodies[0]
                == "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=Client&Filter.1.Value.2=Server&MaxResults=1000"
        )
        #expect(transport.sentBodies[1] == "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-3")
        #expect(resolved["Client"]?.networkInterfaceID == "eni-c")
        #expect(resolved["Server"]?.instanceID == "i-2")
        #expect(resolved["Server"]?.privateIPAddress == "10.0.1.20")
        #expect(resolved["i-3"]?.networkInterfaceID == "eni-t")
        #expect(resolved["i-3"]?.name == "Target")
    }

    @Test("zero or several running instances with one name: one error listing every problem and the candidates")
    func ambiguousAndMissing() async throws {
        let transport = ScriptedTransport(
            xml: Self.response(
                Self.instance("i-a", name: "web", eni: "eni-a"), Self.instance("i-b", name: "web", eni: "eni-b"),
                Self.instance("i-c", name: "db", state: "stopped", eni: "eni-c")))
        let error = try await #require(throws: InstanceResolutionError.self) {
            try await TestClients.ec2(transport).resolveInstances(names: ["web", "db", "cache"], ids: [])
        }
        #expect(transport.sent.count == 1)
        #expect(error.problems.contains(.ambiguousName(name: "web", candidates: ["i-a", "i-b"])))
        #expect(error.problems.contains(.noRunningInstance(name: "db", others: ["i-c (stopped)"])))
        #expect(error.problems.contains(.noRunningInstance(name: "cache", others: [])))
        #expect(error.description.contains("2 running instances are named 'web': i-a, i-b"))
    }

    @Test("an unknown instance id is reported by id")
    func unknownID() async throws {
        let transport = ScriptedTransport(
            xml:
                "<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-404' does not exist</Message></Error></Errors><RequestID>x</RequestID></Response>",
            status: 400)
        let error = try await #require(throws: InstanceResolutionError.self) {
            try await TestClients.ec2(transport).resolveInstances(names: [], ids: ["i-404", "i-ok"])
        }
        #expect(error.problems == [.unknownID("i-404")])
    }
}
