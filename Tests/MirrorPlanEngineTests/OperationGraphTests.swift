import MirrorPlanEngine
import Testing

private func record(_ kind: ResourceKind, _ name: String, id: String? = nil, _ attributes: [String: String] = [:])
    -> ResourceRecord
{
    ResourceRecord(address: .init(kind, name), id: id, attributes: attributes)
}

private func session(
    _ name: String, id: String? = nil, eni: String = "eni-0src", target: String = "monitor",
    filter: String = "icmp", number: Int = 1
) -> ResourceRecord {
    record(
        .session, name, id: id,
        ["networkInterfaceId": eni, "target": target, "filter": filter, "sessionNumber": String(number)])
}

private func rule(_ name: String, id: String? = nil, description: String? = nil) -> ResourceRecord {
    var attributes = ["ruleAction": "accept", "sourceCidrBlock": "0.0.0.0/0", "destinationCidrBlock": "0.0.0.0/0"]
    attributes["description"] = description
    return record(.rule, name, id: id, attributes)
}

private struct Scenario {
    var desired: [ResourceRecord]
    var live: [ResourceRecord]
    var foreign: [ForeignSession] = []

    var plan: Plan {
        Planner.plan(
            PlanInput(stack: "lab", region: "us-east-1", desired: desired, live: live, foreignSessions: foreign))
    }
    var graph: OperationGraph { OperationGraph.build(plan: plan, desired: desired, live: live, foreign: foreign) }
}

extension OperationGraph {
    /// The one step of this verb on this address (`create`, `delete`, `modify`, ...).
    func step(_ verb: String, _ kind: ResourceKind, _ name: String) -> Int? {
        let matches = operations(for: .init(kind, name)).filter { $0.verb == verb }
        return matches.count == 1 ? matches[0].id : nil
    }

    func ordered(_ before: (String, ResourceKind, String), _ after: (String, ResourceKind, String)) -> Bool {
        guard let first = step(before.0, before.1, before.2), let second = step(after.0, after.1, after.2) else {
            return false
        }
        return precedes(first, second)
    }
}

private let stack = [
    record(.target, "monitor", ["networkInterfaceId": "eni-0tgt"]), record(.filter, "icmp", ["description": "d"]),
    rule("icmp/ingress/100"), rule("icmp/egress/100"), session("server-icmp"),
]
private let applied = [
    record(.target, "monitor", id: "tmt-1", ["networkInterfaceId": "eni-0tgt"]),
    record(.filter, "icmp", id: "tmf-1", ["description": "d"]),
    rule("icmp/ingress/100", id: "tmfr-1"), rule("icmp/egress/100", id: "tmfr-2"), session("server-icmp", id: "tms-1"),
]

@Suite struct OperationGraphTests {
    @Test func createOrderIsFiltersThenRulesThenSessionsAndTargetsBeforeSessions() throws {
        let graph = Scenario(desired: stack, live: []).graph
        #expect(graph.operations.count == 5)
        #expect(graph.ordered(("create", .filter, "icmp"), ("create", .rule, "icmp/ingress/100")))
        #expect(graph.ordered(("create", .filter, "icmp"), ("create", .rule, "icmp/egress/100")))
        #expect(graph.ordered(("create", .rule, "icmp/ingress/100"), ("create", .session, "server-icmp")))
        #expect(graph.ordered(("create", .target, "monitor"), ("create", .session, "server-icmp")))
        // Independent steps stay independent, so they can run concurrently.
        #expect(!graph.ordered(("create", .filter, "icmp"), ("create", .target, "monitor")))
        #expect(!graph.ordered(("create", .rule, "icmp/ingress/100"), ("create", .rule, "icmp/egress/100")))
        #expect(graph.topologicalOrder() != nil)
    }

    @Test func appliedStackHasNoSteps() {
        #expect(Scenario(desired: stack, live: applied).graph.isEmpty)
    }

    @Test func replacingATargetCreatesThenRepointsThenDeletes() throws {
        var desired = stack
        desired[0] = record(.target, "monitor", ["networkInterfaceId": "eni-0new"])
        let graph = Scenario(desired: desired, live: applied).graph
        let modify = try #require(graph.operations(for: .init(.session, "server-icmp")).first)
        // The session keeps its id: it is modified, never deleted.
        #expect(modify.step == .modifySession(id: "tms-1", desired: desired[4], fields: ["target"]))
        #expect(graph.ordered(("create", .target, "monitor"), ("modify", .session, "server-icmp")))
        #expect(graph.ordered(("modify", .session, "server-icmp"), ("delete", .target, "monitor")))
        #expect(graph.operations.count == 3)
    }

    @Test func replacingAFilterRecreatesRulesBeforeRepointingAndDeletesOldRulesThenTheFilter() throws {
        var desired = stack
        desired[1] = record(.filter, "icmp", ["description": "changed"])
        let graph = Scenario(desired: desired, live: applied).graph
        for direction in ["ingress", "egress"] {
            let name = "icmp/\(direction)/100"
            #expect(graph.ordered(("create", .filter, "icmp"), ("create", .rule, name)))
            #expect(graph.ordered(("create", .rule, name), ("modify", .session, "server-icmp")))
            #expect(graph.ordered(("modify", .session, "server-icmp"), ("delete", .rule, name)))
            #expect(graph.ordered(("delete", .rule, name), ("delete", .filter, "icmp")))
        }
        #expect(graph.topologicalOrder() != nil)
    }

    @Test func destroyDeletesSessionsThenRulesThenFiltersAndTargets() {
        let graph = Scenario(desired: [], live: applied).graph
        #expect(graph.operations.count == 5)
        #expect(graph.ordered(("delete", .session, "server-icmp"), ("delete", .rule, "icmp/ingress/100")))
        #expect(graph.ordered(("delete", .rule, "icmp/ingress/100"), ("delete", .filter, "icmp")))
        #expect(graph.ordered(("delete", .session, "server-icmp"), ("delete", .target, "monitor")))
        #expect(!graph.ordered(("delete", .target, "monitor"), ("delete", .filter, "icmp")))
    }

    /// A filter at 10 rules must lose one before it gains one; below the limit, the two are independent.
    @Test(arguments: [(9, true), (8, false)])
    func ruleDeletesPrecedeRuleCreatesOnlyAtTheLimit(keptRules: Int, ordered: Bool) {
        let kept = (1...keptRules).map { rule("icmp/ingress/\($0)", id: "tmfr-\($0)") }
        let live =
            [record(.filter, "icmp", id: "tmf-1", ["description": "d"])] + kept + [
                rule("icmp/egress/1", id: "tmfr-old")
            ]
        let desired =
            [record(.filter, "icmp", ["description": "d"])] + kept.map { rule($0.address.name) } + [
                rule("icmp/egress/2")
            ]
        let graph = Scenario(desired: desired, live: live).graph
        #expect(graph.ordered(("delete", .rule, "icmp/egress/1"), ("create", .rule, "icmp/egress/2")) == ordered)
    }

    /// Two sessions of the stack and one foreign on a source: a new session there waits for a delete.
    @Test(arguments: [(true, true), (false, false)])
    func sessionDeletesPrecedeCreatesOnlyWhenTheSourceWouldPassThree(withForeign: Bool, ordered: Bool) {
        let live = applied + [session("old", id: "tms-2", number: 2)]
        let desired = stack + [session("new", number: 3)]
        let foreign =
            withForeign ? [ForeignSession(id: "tms-f", sourceNetworkInterfaceId: "eni-0src", sessionNumber: 9)] : []
        let graph = Scenario(desired: desired, live: live, foreign: foreign).graph
        #expect(graph.ordered(("delete", .session, "old"), ("create", .session, "new")) == ordered)
    }

    @Test func aNewSessionTakingADeletedSessionsNumberWaitsForTheDelete() {
        let live = applied + [session("old", id: "tms-2", number: 2)]
        let desired = stack + [session("new", number: 2)]
        let graph = Scenario(desired: desired, live: live).graph
        #expect(graph.ordered(("delete", .session, "old"), ("create", .session, "new")))
    }

    @Test func sessionNumberSwapGoesThroughFreeTemporaryNumbers() throws {
        let live =
            [session("a", id: "tms-a", number: 1), session("b", id: "tms-b", number: 2)]
            + applied.filter { $0.address.kind != .session }
        let desired = [session("a", number: 2), session("b", number: 1)] + stack.filter { $0.address.kind != .session }
        let graph = Scenario(desired: desired, live: live).graph
        let parked = graph.operations.compactMap { operation -> (ResourceAddress, Int)? in
            if case .renumberSession(_, let number) = operation.step { (operation.address, number) } else { nil }
        }
        #expect(parked.count == 2)
        let parkedA = try #require(parked.first { $0.0.name == "a" }).1
        let parkedB = try #require(parked.first { $0.0.name == "b" }).1
        #expect(Set(parked.map(\.1)).isDisjoint(with: [1, 2]) && Set(parked.map(\.1)).count == 2)
        // Each final number is taken only after the session holding it has moved away.
        #expect(
            graph.ordered(
                ("move to temporary number \(parkedB):", .session, "b"),
                ("modify", .session, "a")))
        #expect(
            graph.ordered(
                ("move to temporary number \(parkedA):", .session, "a"),
                ("modify", .session, "b")))
        #expect(graph.topologicalOrder() != nil)
    }

    @Test func aSessionWithANewSourceIsDeletedBeforeItIsCreatedAgain() {
        var desired = stack
        desired[4] = session("server-icmp", eni: "eni-0other")
        let graph = Scenario(desired: desired, live: applied).graph
        #expect(graph.ordered(("delete", .session, "server-icmp"), ("create", .session, "server-icmp")))
    }

    @Test func tagAndServiceChangesAreTheirOwnSteps() throws {
        var desired = stack
        desired[0].tags = ["owner": "secops"]
        desired[1].attributes["networkServices"] = "amazon-dns"
        let graph = Scenario(desired: desired, live: applied).graph
        let steps = graph.operations.map(\.step)
        #expect(steps.contains(.retag(id: "tmt-1", set: ["owner": "secops"], remove: [])))
        #expect(steps.contains(.setNetworkServices(add: ["amazon-dns"], remove: [])))
        #expect(steps.count == 2)
    }

    @Test func ruleUpdateUnsetsThroughItsChanges() throws {
        let live = applied.map {
            $0.address.name == "icmp/ingress/100" ? rule("icmp/ingress/100", id: "tmfr-1", description: "old") : $0
        }
        let graph = Scenario(desired: stack, live: live).graph
        #expect(
            graph.operations.map(\.step) == [
                .modifyRule(id: "tmfr-1", changes: [AttributeChange(field: "description", before: "old", after: nil)])
            ])
    }

    /// A VNI is unique in the account: a new session taking a removed session's VNI waits for its delete.
    @Test func aNewSessionTakingARemovedSessionsVNIWaitsForTheDelete() {
        var old = session("old", id: "tms-2", eni: "eni-0b", number: 1)
        old.attributes["virtualNetworkId"] = "4242"
        var new = session("new", eni: "eni-0c", number: 1)
        new.attributes["virtualNetworkId"] = "4242"
        let graph = Scenario(desired: stack + [new], live: applied + [old]).graph
        #expect(graph.ordered(("delete", .session, "old"), ("create", .session, "new")))
    }
}
