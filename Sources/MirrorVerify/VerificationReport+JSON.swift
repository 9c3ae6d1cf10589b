import MirrorPlanModel
import PacketCapture

extension VerificationReport {
    /// The JSON result in cli.md's shape (fields in that order), plus additive fields: per-direction counts,
    /// VNIs seen, findings and the capture summary.
    public func renderJSON() -> String {
        let checks = results.map { result -> String in
            let check = result.check
            let o = result.observed
            let vnis = result.observed.pairUnderOtherVNIs.sorted { $0.key < $1.key }
                .map { "\(JSONText.quoted(String($0.key))): \($0.value)" }.joined(separator: ", ")
            let observed = [
                "\"packets\": \(o.packets)", "\"echoRequests\": \(o.echoRequests)", "\"echoReplies\": \(o.echoReplies)",
                "\"truncatedTo\": \(o.truncatedTo.map(String.init) ?? "null")", "\"forward\": \(o.forward)",
                "\"reverse\": \(o.reverse)", "\"outsideVXLAN\": \(o.outsideVXLAN)", "\"otherVNIs\": {\(vnis)}",
            ].joined(separator: ", ")
            let fields = [
                "\"name\": \(JSONText.quoted(check.name))",
                "\"session\": \(check.session.map(JSONText.quoted) ?? "null")",
                "\"vni\": \(check.vni.map { String($0) } ?? "null")",
                "\"expect\": \(JSONText.quoted(check.expect.rawValue))",
                "\"result\": \(JSONText.quoted(result.passed ? "pass" : "fail"))", "\"observed\": {\(observed)}",
                "\"from\": \(JSONText.quoted(check.from.description))",
                "\"to\": \(JSONText.quoted(check.to.description))",
                "\"traffic\": \(JSONText.quoted(check.traffic.description))", "\"count\": \(check.count)",
                "\"findings\": [\(result.findings.map(JSONText.quoted).joined(separator: ", "))]",
            ]
            return "{\(fields.joined(separator: ", "))}"
        }
        let vnis = summary.vniCounts.sorted { $0.key < $1.key }
            .map { "\(JSONText.quoted(String($0.key))): \($0.value)" }.joined(separator: ", ")
        let anomalies = summary.anomalies.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\(JSONText.quoted($0.key.description)): \($0.value)" }.joined(separator: ", ")
        let capture = [
            "\"frames\": \(summary.frames)", "\"vxlanPortDatagrams\": \(summary.vxlanPortDatagrams)",
            "\"notVXLAN\": \(summary.notVXLAN)", "\"vnis\": {\(vnis)}", "\"outerFragments\": \(summary.outerFragments)",
            "\"icmpErrorsQuotingVXLAN\": \(summary.icmpErrorsQuotingVXLAN)", "\"anomalies\": {\(anomalies)}",
        ].joined(separator: ", ")
        return "{\"checks\": [\(checks.joined(separator: ", "))], \"capture\": {\(capture)}}\n"
    }
}
