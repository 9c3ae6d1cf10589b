import Foundation
import MirrorPlanEngine
import Testing

@Suite struct PlanRenderingTests {
    static let plan = Plan(
        stack: "lab-mirror", region: "us-east-1", observedFingerprint: "sha256:00",
        changes: [
            PlannedChange(
                address: .init(.target, "monitor"), action: .create, id: nil,
                changes: [AttributeChange(field: "networkInterfaceId", before: nil, after: "eni-0abc")],
                reason: .absentInLive),
            PlannedChange(
                address: .init(.session, "s"), action: .update, id: "tms-1",
                changes: [AttributeChange(field: "packetLength", before: "128", after: nil)],
                reason: .attributesDiffer),
            PlannedChange(
                address: .init(.filter, "f"), action: .replace, id: "tmf-1",
                changes: [AttributeChange(field: "description", before: "a", after: "b", forcesReplacement: true)],
                reason: .immutableAttributesChanged(["description"])),
            PlannedChange(
                address: .init(.rule, "f/ingress/1"), action: .delete, id: "tmfr-1", changes: [],
                reason: .absentInManifest),
        ])

    @Test func textIsTerraformLikeWithASummaryLine() {
        let text = PlanTextRenderer(color: false).render(Self.plan)
        #expect(
            text == """
                mirrorplan will perform these actions on stack lab-mirror in us-east-1:

                  -/+ filter.f (tmf-1)  # must be replaced: description cannot be changed in place
                      description = "a" -> "b"  # forces replacement

                  - rule.f/ingress/1 (tmfr-1)

                  + target.monitor
                      networkInterfaceId = "eni-0abc"

                  ~ session.s (tms-1)
                      packetLength = "128" -> (unset)

                Plan: 1 to add, 1 to change, 1 to replace, 1 to destroy.

                """)
    }

    @Test func protocolsShowTheirNamesAndUnsetMeansAll() {
        let plan = Plan(
            stack: "x", region: "us-east-1", observedFingerprint: "",
            changes: [
                PlannedChange(
                    address: .init(.rule, "f/ingress/1"), action: .update, id: "tmfr-1",
                    changes: [
                        AttributeChange(field: "protocol", before: "1", after: "6"),
                        AttributeChange(field: "description", before: nil, after: "x"),
                    ],
                    reason: .attributesDiffer),
                PlannedChange(
                    address: .init(.rule, "f/egress/1"), action: .update, id: "tmfr-2",
                    changes: [AttributeChange(field: "protocol", before: "17", after: nil)],
                    reason: .attributesDiffer),
            ])
        let text = PlanTextRenderer().render(plan)
        #expect(text.contains(#"protocol    = "1" (icmp) -> "6" (tcp)"#))
        #expect(text.contains(#"description = (unset) -> "x""#))
        #expect(text.contains(#"protocol = "17" (udp) -> (unset: all protocols)"#))
    }

    @Test func noChangesSaysSo() {
        let text = PlanTextRenderer().render(
            Plan(stack: "x", region: "eu-west-1", observedFingerprint: "", changes: []))
        #expect(text == "No changes. Stack x in eu-west-1 matches the manifest.\n")
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!PlanTextRenderer(color: false).render(Self.plan).contains("\u{1B}["))
        #expect(PlanTextRenderer(color: true).render(Self.plan).contains("\u{1B}[32m+\u{1B}[0m"))
    }

    @Test func jsonHasTheContractShapeAndRoundTrips() throws {
        let data = try PlanDocument(Self.plan).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["formatVersion"] as? Int == 1)
        #expect(object["observedFingerprint"] as? String == "sha256:00")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["create": 1, "update": 1, "replace": 1, "delete": 1])
        let actions = try #require(object["actions"] as? [[String: Any]])
        #expect(actions.map { $0["action"] as? String } == ["replace", "delete", "create", "update"])
        #expect(actions[2]["id"] is NSNull)
        let change = try #require((actions[3]["changes"] as? [[String: Any]])?.first)
        #expect(change["after"] is NSNull)
        #expect(try PlanDocument.decode(data) == PlanDocument(Self.plan))
    }
}
