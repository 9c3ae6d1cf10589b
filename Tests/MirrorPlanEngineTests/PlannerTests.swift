import MirrorPlanEngine
import Testing

/// Builders that keep the tables readable.
private func target(
    _ name: String, eni: String? = "eni-0aaa", id: String? = nil, description: String? = nil,
    tags: [String: String] = [:]
) -> ResourceRecord {
    var attributes: [String: String] = [:]
    attributes["networkInterfaceId"] = eni
    attributes["description"] = description
    return ResourceRecord(address: .init(.target, name), id: id, attributes: attributes, tags: tags)
}

private func filter(_ name: String, id: String? = nil, description: String? = nil, services: String? = nil)
    -> ResourceRecord
{
    var attributes: [String: String] = [:]
    attributes["description"] = description
    attributes["networkServices"] = services
    return ResourceRecord(address: .init(.filter, name), id: id, attributes: attributes)
}

private func rule(
    _ name: String, id: String? = nil, action: String = "accept", protocol proto: String? = "1",
    source: String = "0.0.0.0/0", ports: String? = nil
) -> ResourceRecord {
    var attributes = ["ruleAction": action, "sourceCidrBlock": source, "destinationCidrBlock": "0.0.0.0/0"]
    attributes["protocol"] = proto
    attributes["destinationPortRange"] = ports
    return ResourceRecord(address: .init(.rule, name), id: id, attributes: attributes)
}

private func session(
    _ name: String, id: String? = nil, eni: String = "eni-0src", target: String = "monitor",
    filter: String = "icmp", number: Int = 1, vni: Int? = nil, packetLength: Int? = nil
) -> ResourceRecord {
    var attributes = ["networkInterfaceId": eni, "target": target, "filter": filter, "sessionNumber": String(number)]
    attributes["virtualNetworkId"] = vni.map(String.init)
    attributes["packetLength"] = packetLength.map(String.init)
    return ResourceRecord(address: .init(.session, name), id: id, attributes: attributes)
}

private func plan(desired: [ResourceRecord], live: [ResourceRecord], foreign: [ForeignSession] = []) -> Plan {
    Planner.plan(PlanInput(stack: "lab", region: "us-east-1", desired: desired, live: live, foreignSessions: foreign))
}

private let stack = [target("monitor"), filter("icmp"), rule("icmp/ingress/100"), session("server-icmp", vni: 4242)]
private let applied = [
    target("monitor", id: "tmt-1"), filter("icmp", id: "tmf-1"), rule("icmp/ingress/100", id: "tmfr-1"),
    session("server-icmp", id: "tms-1", vni: 4242),
]

@Suite struct PlannerTests {
    @Test func emptyLiveCreatesEverythingInAddressOrder() {
        let result = plan(desired: stack, live: [])
        #expect(result.changes.map(\.action) == [.create, .create, .create, .create])
        #expect(
            result.changes.map(\.address.description) == [
                "filter.icmp", "rule.icmp/ingress/100", "target.monitor", "session.server-icmp",
            ])
        #expect(result.summary == Plan.Summary(create: 4))
        let targetChange = result.changes[2]
        #expect(targetChange.changes == [AttributeChange(field: "networkInterfaceId", before: nil, after: "eni-0aaa")])
    }

    @Test func appliedStackPlansToNoChanges() {
        let result = plan(desired: stack, live: applied)
        #expect(result.isEmpty)
        #expect(result.problems.isEmpty)
    }

    @Test func omittedVNIIsNeverDiffedButASetOneIs() {
        let awsPicked = [session("s", id: "tms-1", vni: 99)]
        #expect(plan(desired: [session("s")], live: awsPicked).isEmpty)
        let result = plan(desired: [session("s", vni: 7)], live: awsPicked)
        #expect(result.changes.first?.action == .update)
        #expect(result.changes.first?.changes == [AttributeChange(field: "virtualNetworkId", before: "99", after: "7")])
    }

    @Test func unsettingPacketLengthIsAnUpdateToUnset() {
        let result = plan(desired: [session("s")], live: [session("s", id: "tms-1", packetLength: 128)])
        #expect(result.changes.first?.changes == [AttributeChange(field: "packetLength", before: "128", after: nil)])
        #expect(result.changes.first?.action == .update)
    }

    /// Every row of the mutability matrix: field → does changing it replace the resource?
    @Test(arguments: [
        (target("t", eni: "eni-new"), target("t", eni: "eni-old", id: "tmt-1"), PlannedChange.Action.replace),
        (target("t", description: "new"), target("t", id: "tmt-1", description: "old"), .replace),
        (target("t", tags: ["owner": "b"]), target("t", id: "tmt-1", tags: ["owner": "a"]), .update),
        (filter("f", description: "new"), filter("f", id: "tmf-1", description: "old"), .replace),
        (filter("f", services: "amazon-dns"), filter("f", id: "tmf-1"), .update),
        (rule("f/ingress/1", action: "reject"), rule("f/ingress/1", id: "r"), .update),
        (rule("f/ingress/1", protocol: nil), rule("f/ingress/1", id: "r"), .update),
        (rule("f/ingress/1", source: "10.0.0.0/8"), rule("f/ingress/1", id: "r"), .update),
        (rule("f/ingress/1", protocol: "6", ports: "80-80"), rule("f/ingress/1", id: "r", protocol: "6"), .update),
        (session("s", eni: "eni-other"), session("s", id: "tms-1"), .replace),
        (session("s", target: "other"), session("s", id: "tms-1"), .update),
        (session("s", filter: "other"), session("s", id: "tms-1"), .update),
        (session("s", number: 2), session("s", id: "tms-1"), .update),
        (session("s", packetLength: 64), session("s", id: "tms-1"), .update),
    ])
    func mutabilityMatrix(desired: ResourceRecord, live: ResourceRecord, expected: PlannedChange.Action) {
        let result = plan(desired: [desired], live: [live])
        #expect(result.changes.count == 1)
        #expect(result.changes.first?.action == expected)
        #expect(result.changes.first?.id == live.id)
        if expected == .replace {
            #expect(result.changes.first?.changes.contains(where: \.forcesReplacement) == true)
            #expect(result.changes.first?.explanation?.contains("cannot be changed in place") == true)
        }
    }

    @Test func awsAndOwnershipTagsAreNeverDiffed() {
        let live = target("t", id: "tmt-1", tags: ["aws:cloudformation:stack-name": "x", "mirrorplan:stack": "lab"])
        #expect(plan(desired: [target("t")], live: [live]).isEmpty)
    }

    @Test func removedEntriesAreDeleted() {
        let result = plan(desired: [], live: applied)
        #expect(result.summary == Plan.Summary(delete: 4))
        #expect(result.changes.allSatisfy { $0.id != nil })
    }

    @Test func replacingATargetRepointsItsSessionWhichKeepsItsID() throws {
        let desired = [
            target("monitor", eni: "eni-0bbb"), filter("icmp"), rule("icmp/ingress/100"),
            session("server-icmp", vni: 4242),
        ]
        let result = plan(desired: desired, live: applied)
        #expect(result.change(for: .init(.target, "monitor"))?.action == .replace)
        let repoint = try #require(result.change(for: .init(.session, "server-icmp")))
        #expect(repoint.action == .update)
        #expect(repoint.id == "tms-1")
        #expect(
            repoint.changes == [
                AttributeChange(field: "target", before: "tmt-1", after: AttributeChange.knownAfterApply)
            ])
        #expect(repoint.explanation == "repointed because target.monitor is replaced")
        #expect(result.summary == Plan.Summary(update: 1, replace: 1))
    }

    @Test func replacingAFilterRecreatesItsRulesAndRepointsSessions() throws {
        let desired = [
            target("monitor"), filter("icmp", description: "new"), rule("icmp/ingress/100"),
            session("server-icmp", vni: 4242),
        ]
        let result = plan(desired: desired, live: applied)
        #expect(result.change(for: .init(.filter, "icmp"))?.action == .replace)
        let ruleChange = try #require(result.change(for: .init(.rule, "icmp/ingress/100")))
        #expect(ruleChange.action == .replace)
        #expect(ruleChange.explanation == "replaced with filter.icmp")
        #expect(result.change(for: .init(.session, "server-icmp"))?.changes.map(\.field) == ["filter"])
    }

    @Test func aSessionThatIsReplacedItselfIsNotAlsoRepointed() {
        let desired = [
            target("monitor", eni: "eni-0bbb"), filter("icmp"), rule("icmp/ingress/100"),
            session("server-icmp", eni: "eni-new", vni: 4242),
        ]
        let result = plan(desired: desired, live: applied)
        let change = result.change(for: .init(.session, "server-icmp"))
        #expect(change?.action == .replace)
        #expect(change?.changes.map(\.field) == ["networkInterfaceId"])
    }

    @Test func foreignSessionsCountAgainstThePerSourceQuotaAndNumbers() {
        let foreign = [
            ForeignSession(id: "tms-f1", sourceNetworkInterfaceId: "eni-0src", sessionNumber: 1),
            ForeignSession(id: "tms-f2", sourceNetworkInterfaceId: "eni-0src", sessionNumber: 2),
        ]
        let result = plan(desired: [session("a", number: 1), session("b", number: 3)], live: [], foreign: foreign)
        #expect(result.problems.count == 2)
        #expect(result.problems[0].contains("4 sessions"))
        #expect(result.problems[0].contains("tms-f1, tms-f2"))
        #expect(result.problems[1].contains("session number 1"))
    }

    @Test func aTargetInUseByAForeignSessionCannotBeDeleted() {
        let foreign = [
            ForeignSession(id: "tms-f", sourceNetworkInterfaceId: "eni-x", sessionNumber: 1, targetId: "tmt-1")
        ]
        let result = plan(desired: [], live: [target("monitor", id: "tmt-1")], foreign: foreign)
        #expect(
            result.problems == [
                "target.monitor (tmt-1) is used by tms-f, not managed by this stack; it cannot be deleted until those sessions stop using it."
            ])
    }

    @Test func aTargetENIThatIsAForeignSourceIsAProblem() {
        let foreign = [ForeignSession(id: "tms-f", sourceNetworkInterfaceId: "eni-0aaa", sessionNumber: 1)]
        let result = plan(desired: [target("monitor")], live: [], foreign: foreign)
        #expect(result.problems.first?.contains("cannot also be a mirror target") == true)
    }

    @Test func fingerprintChangesWithLiveStateOnly() {
        let a = plan(desired: stack, live: applied).observedFingerprint
        let b = plan(desired: [], live: applied).observedFingerprint
        var moved = applied
        moved[0].attributes["description"] = "changed by hand"
        let c = plan(desired: stack, live: moved).observedFingerprint
        #expect(a == b)
        #expect(a != c)
        #expect(a.hasPrefix("sha256:") && a.count == 7 + 64)
    }
}
