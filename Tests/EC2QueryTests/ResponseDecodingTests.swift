import Foundation
import Testing

@testable import EC2Query

/// Responses that botocore's EC2QueryParser accepts (Fixtures/botocore/responses.json) decode to the same values
/// through the client's real path (scripted transport → decoder → typed operation).
@Suite struct ResponseDecodingTests {
    static var cases: [String: [String: Any]] {
        let root = (try? Fixtures.json("botocore/responses.json")) ?? [:]
        return root["cases"] as? [String: [String: Any]] ?? [:]
    }

    func fixture(_ name: String) throws -> (transport: ScriptedTransport, botocore: [String: Any]) {
        let entry = try #require(Self.cases[name])
        let xml = try #require(entry["xml"] as? String)
        let status = try #require(entry["status"] as? Int)
        return (ScriptedTransport(xml: xml, status: status), entry["botocore"] as? [String: Any] ?? [:])
    }

    @Test("sessions page: every field as botocore reads it, and nextToken drives a second call")
    func sessionsPage() async throws {
        let (_, oracle) = try fixture("describe-sessions-page")
        let page = try #require(Self.cases["describe-sessions-page"]?["xml"] as? String)
        let empty = try #require(Self.cases["describe-sessions-empty"]?["xml"] as? String)
        let scripted = ScriptedTransport(xml: page, empty)
        let sessions = try await TestClients.ec2(scripted).describeTrafficMirrorSessions()
        let expected = try #require((oracle["TrafficMirrorSessions"] as? [[String: Any]])?.first)
        let session = try #require(sessions.first)
        #expect(sessions.count == 1)
        #expect(session.id == expected["TrafficMirrorSessionId"] as? String)
        #expect(session.targetID == expected["TrafficMirrorTargetId"] as? String)
        #expect(session.filterID == expected["TrafficMirrorFilterId"] as? String)
        #expect(session.networkInterfaceID == expected["NetworkInterfaceId"] as? String)
        #expect(session.ownerID == expected["OwnerId"] as? String)
        #expect(session.packetLength == expected["PacketLength"] as? Int)
        #expect(session.sessionNumber == expected["SessionNumber"] as? Int)
        #expect(session.virtualNetworkID == expected["VirtualNetworkId"] as? Int)
        #expect(session.description == expected["Description"] as? String)
        let tags = (expected["Tags"] as? [[String: String]] ?? []).map {
            EC2Tag(key: $0["Key"] ?? "", value: $0["Value"])
        }
        #expect(session.tags == tags)
        // Pagination: the second request carries the first page's token and MaxResults 1000.
        #expect(scripted.sentBodies.count == 2)
        #expect(scripted.sentBodies[0].hasSuffix("&MaxResults=1000"))
        #expect(scripted.sentBodies[1].hasSuffix("&MaxResults=1000&NextToken=\(oracle["NextToken"] as? String ?? "?")"))
    }

    @Test("an empty set decodes to no items")
    func emptySet() async throws {
        let (transport, oracle) = try fixture("describe-sessions-empty")
        let sessions = try await TestClients.ec2(transport).describeTrafficMirrorSessions()
        #expect(sessions.isEmpty)
        #expect((oracle["TrafficMirrorSessions"] as? [Any])?.isEmpty == true)
    }

    @Test("a filter without xmlns, with embedded rules and network services")
    func filterWithoutNamespace() async throws {
        let (transport, oracle) = try fixture("describe-filters-no-namespace")
        let filters = try await TestClients.ec2(transport).describeTrafficMirrorFilters()
        let expected = try #require((oracle["TrafficMirrorFilters"] as? [[String: Any]])?.first)
        let filter = try #require(filters.first)
        #expect(filter.id == expected["TrafficMirrorFilterId"] as? String)
        #expect(filter.networkServices == expected["NetworkServices"] as? [String])
        #expect(filter.egressRules.isEmpty)
        let rule = try #require(filter.ingressRules.first)
        let expectedRule = try #require((expected["IngressFilterRules"] as? [[String: Any]])?.first)
        #expect(rule.id == expectedRule["TrafficMirrorFilterRuleId"] as? String)
        #expect(rule.ruleNumber == expectedRule["RuleNumber"] as? Int)
        #expect(rule.protocolNumber == expectedRule["Protocol"] as? Int)
        #expect(rule.destinationPortRange == TrafficMirrorPortRange(fromPort: 80, toPort: 80))
        #expect(rule.sourcePortRange == nil)
        #expect(rule.sourceCIDRBlock == expectedRule["SourceCidrBlock"] as? String)
    }

    @Test("a created target keeps an unexpected id prefix as given, with its client token")
    func createdTarget() async throws {
        let (transport, oracle) = try fixture("create-target")
        let created = try await TestClients.ec2(transport).createTrafficMirrorTarget(
            CreateTrafficMirrorTargetInput(networkInterfaceID: "eni-1", clientToken: "tok-1"))
        let expected = try #require(oracle["TrafficMirrorTarget"] as? [String: Any])
        #expect(created.resource.id == expected["TrafficMirrorTargetId"] as? String)
        #expect(created.resource.type == expected["Type"] as? String)
        #expect(created.clientToken == oracle["ClientToken"] as? String)
    }

    @Test("a created rule")
    func createdRule() async throws {
        let (transport, oracle) = try fixture("create-rule")
        let created = try await TestClients.ec2(transport).createTrafficMirrorFilterRule(
            CreateTrafficMirrorFilterRuleInput(filterID: "tmf-1", fields: TrafficMirrorFilterRuleFields()))
        let expected = try #require(oracle["TrafficMirrorFilterRule"] as? [String: Any])
        #expect(created.resource.trafficDirection == expected["TrafficDirection"] as? String)
        #expect(created.resource.ruleAction == expected["RuleAction"] as? String)
        #expect(created.resource.description == expected["Description"] as? String)
        // A generated token was sent when none was given... here one was given and echoed.
        #expect(transport.sentBodies.first?.contains("ClientToken=") == true)
    }

    @Test("instances, interfaces and instance types")
    func instancesInterfacesTypes() async throws {
        let (instancesTransport, instancesOracle) = try fixture("describe-instances")
        let instances = try await TestClients.ec2(instancesTransport).describeInstances(ids: ["i-0abc"])
        let reservations = try #require(instancesOracle["Reservations"] as? [[String: Any]])
        let expected = try #require((reservations.first?["Instances"] as? [[String: Any]])?.first)
        #expect(instances.first?.id == expected["InstanceId"] as? String)
        #expect(instances.first?.state == (expected["State"] as? [String: Any])?["Name"] as? String)
        #expect(instances.first?.primaryNetworkInterface?.id == "eni-primary")
        #expect(instances.first?.name == "Client")

        let (eniTransport, eniOracle) = try fixture("describe-network-interfaces")
        let interfaces = try await TestClients.ec2(eniTransport).describeNetworkInterfaces()
        let eni = try #require((eniOracle["NetworkInterfaces"] as? [[String: Any]])?.first)
        #expect(interfaces.first?.id == eni["NetworkInterfaceId"] as? String)
        #expect(interfaces.first?.instanceID == (eni["Attachment"] as? [String: Any])?["InstanceId"] as? String)
        #expect(interfaces.first?.deviceIndex == 0)

        let (typeTransport, typeOracle) = try fixture("describe-instance-types")
        let types = try await TestClients.ec2(typeTransport).describeInstanceTypes(["m5.large"])
        let type = try #require((typeOracle["InstanceTypes"] as? [[String: Any]])?.first)
        #expect(types.first?.hypervisor == type["Hypervisor"] as? String)
        #expect(types.first?.bareMetal == type["BareMetal"] as? Bool)
    }

    @Test("the error envelope becomes an EC2ServiceError with action, code, message and request id")
    func errorEnvelope() async throws {
        let (transport, oracle) = try fixture("error-not-found")
        let error = try await #require(throws: EC2ServiceError.self) {
            try await TestClients.ec2(transport).describeTrafficMirrorSessions(ids: ["tms-1"])
        }
        let expected = try #require(oracle["Error"] as? [String: String])
        #expect(error.code.rawValue == expected["Code"])
        #expect(error.message == expected["Message"])
        #expect(error.requestID == "r7")
        #expect(error.httpStatus == 400)
        #expect(
            error.description.contains("DescribeTrafficMirrorSessions failed: InvalidTrafficMirrorSessionId.NotFound"))
        #expect(error.description.contains("request id r7"))
        #expect(transport.sent.count == 1)  // a 400 is not retried
    }
}
