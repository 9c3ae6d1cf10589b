import MirrorPlanEngine
import Testing

/// An ENI target takes at most 10 source interfaces, counting sessions the stack does not own.
@Suite struct TargetQuotaTests {
    static func sessions(_ count: Int) -> [ResourceRecord] {
        (0..<count).map { index in
            ResourceRecord(
                address: .init(.session, "s\(index)"),
                attributes: [
                    "networkInterfaceId": "eni-src\(index)", "target": "monitor", "filter": "f", "sessionNumber": "1",
                ])
        }
    }

    static let target = ResourceRecord(
        address: .init(.target, "monitor"), attributes: ["networkInterfaceId": "eni-tgt"])

    @Test(arguments: [(10, 0, false), (11, 0, true), (9, 1, false), (10, 1, true)])
    func sourcesPerInterfaceTarget(mine: Int, foreign: Int, problem: Bool) {
        var live = Self.target
        live.id = "tmt-1"
        let others = (0..<foreign).map {
            ForeignSession(
                id: "tms-f\($0)", sourceNetworkInterfaceId: "eni-other\($0)", sessionNumber: 1, targetId: "tmt-1")
        }
        let plan = Planner.plan(
            PlanInput(
                stack: "s", region: "r", desired: [Self.target] + Self.sessions(mine), live: [live],
                foreignSessions: others))
        #expect(plan.problems.contains { $0.contains("takes at most 10") } == problem, "\(plan.problems)")
    }
}
