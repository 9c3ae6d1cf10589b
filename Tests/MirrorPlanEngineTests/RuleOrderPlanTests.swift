import MirrorPlanEngine
import MirrorPlanModel
import Testing

/// Rules as the manifest writes them, planned against the rules an earlier manifest applied.
@Suite struct RuleOrderPlanTests {
    static let any = cidr("0.0.0.0/0")
    static let net = cidr("10.0.0.0/8")

    static func rule(_ number: Int, _ action: FilterRuleSpec.Action = .accept, source: CIDRBlock = any)
        -> FilterRuleSpec
    {
        FilterRuleSpec(
            direction: .ingress, number: number, action: action, protocol: .icmp, source: source, destination: any)
    }

    static func records(_ rules: [FilterRuleSpec]) throws -> [ResourceRecord] {
        try DesiredNormalizer.records(
            DesiredState(stack: "s", filters: [FilterSpec(name: "f", ingress: rules)]), interfaces: [:])
    }

    /// The live side: the same records as applied, with ids.
    static func applied(_ rules: [FilterRuleSpec]) throws -> [ResourceRecord] {
        try records(rules).enumerated().map { index, record in
            var record = record
            record.id = "id-\(index)"
            return record
        }
    }

    static func plan(desired: [FilterRuleSpec], live: [FilterRuleSpec]) throws -> [String] {
        let plan = Planner.plan(
            PlanInput(stack: "s", region: "r", desired: try records(desired), live: try applied(live)))
        return plan.changes.map { "\($0.action.rawValue) \($0.address)" }
    }

    @Test(arguments: [
        // Listing order is not rule order: only numbers are.
        ([rule(200), rule(100)], [rule(100), rule(200)], [String]()),
        // A shadowed rule (10.0.0.0/8 behind 0.0.0.0/0) is still the user's to keep: no change, no drop.
        ([rule(100), rule(200, .reject, source: net)], [rule(100), rule(200, .reject, source: net)], []),
        // Renumbering is a new rule and the old one's delete (a rule's number is part of its identity).
        ([rule(150)], [rule(100)], ["delete rule.f/ingress/100", "create rule.f/ingress/150"]),
        // Swapping what two numbers do changes both in place; no number moves, so no temporary one is needed.
        (
            [rule(100, .reject), rule(200, .accept)], [rule(100, .accept), rule(200, .reject)],
            ["update rule.f/ingress/100", "update rule.f/ingress/200"]
        ),
    ])
    func rulePlans(desired: [FilterRuleSpec], live: [FilterRuleSpec], expected: [String]) throws {
        #expect(try Self.plan(desired: desired, live: live) == expected)
    }
}
