import PacketCapture

extension VerificationReport {
    /// The JSON result in cli.md's shape (fields in that order), plus additive fields: per-direction counts,
    /// VNIs seen, findings and the capture summary.
    public func renderJSON() -> String {
        let checks = results.map { result -> String in
            let check = result.check
            let o = result.observed
            let vnis = result.observed.pairUnderOtherVNIs.sorted { $0.key < $1.key }
                .map { "\(JSON.string(String($0.key))): \($0.value)" }.joined(separator: ", ")
            let observed = [
                "\"packets\": \(o.packets)", "\"echoRequests\": \(o.echoRequests)", "\"echoReplies\": \(o.echoReplies)",
                "\"truncatedTo\": \(o.truncatedTo.map(String.init) ?? "null")", "\"forward\": \(o.forward)",
                "\"reverse\": \(o.reverse)", "\"outsideVXLAN\": \(o.outsideVXLAN)", "\"otherVNIs\": {\(vnis)}",
            ].joined(separator: ", ")
            let fields = [
                "\"name\": \(JSON.string(check.name))", "\"session\": \(check.session.map(JSON.string) ?? "null")",
                "\"vni\": \(check.vni.map { String($0) } ?? "null")",
                "\"expect\": \(JSON.string(check.expect.rawValue))",
                "\"result\": \(JSON.string(result.passed ? "pass" : "fail"))", "\"observed\": {\(observed)}",
                "\"from\": \(JSON.string(check.from.description))", "\"to\": \(JSON.string(check.to.description))",
                "\"traffic\": \(JSON.string(check.traffic.description))", "\"count\": \(check.count)",
                "\"findings\": [\(result.findings.map(JSON.string).joined(separator: ", "))]",
            ]
            return "{\(fields.joined(separator: ", "))}"
        }
        let vnis = summary.vniCounts.sorted { $0.key < $1.key }
            .map { "\(JSON.string(String($0.key))): \($0.value)" }.joined(separator: ", ")
        let anomalies = summary.anomalies.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\(JSON.string($0.key.description)): \($0.value)" }.joined(separator: ", ")
        let capture = [
            "\"frames\": \(summary.frames)", "\"vxlanPortDatagrams\": \(summary.vxlanPortDatagrams)",
            "\"notVXLAN\": \(summary.notVXLAN)", "\"vnis\": {\(vnis)}", "\"outerFragments\": \(summary.outerFragments)",
            "\"icmpErrorsQuotingVXLAN\": \(summary.icmpErrorsQuotingVXLAN)", "\"anomalies\": {\(anomalies)}",
        ].joined(separator: ", ")
        return "{\"checks\": [\(checks.joined(separator: ", "))], \"capture\": {\(capture)}}\n"
    }
}

/// JSON string escaping (RFC 8259 §7) for the hand-ordered renderer above.
enum JSON {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
