import PacketCapture

extension VerificationReport {
    /// Human-readable result, one block per check; `color` adds ANSI colour to the verdicts.
    public func renderText(color: Bool) -> String {
        var lines: [String] = []
        for result in results {
            let check = result.check
            let verdict = result.passed ? "PASS" : "FAIL"
            let painted =
                color ? (result.passed ? "\u{1B}[32m\(verdict)\u{1B}[0m" : "\u{1B}[31m\(verdict)\u{1B}[0m") : verdict
            var context: [String] = []
            if let session = check.session { context.append("session \(session)") }
            context.append(check.vni.map { "VNI \($0)" } ?? "any VNI")
            context.append("expect \(check.expect.rawValue)")
            lines.append("\(painted) \(check.name) (\(context.joined(separator: ", ")))")
            let o = result.observed
            var observed =
                "  \(o.packets) \(check.traffic) packets between \(check.from) and \(check.to) "
                + "(\(o.forward) \(check.from) → \(check.to), \(o.reverse) back)"
            if check.traffic == .icmp { observed += ": \(o.echoRequests) echo requests, \(o.echoReplies) echo replies" }
            if check.expect == .mirrored { observed += "; at least \(check.count) expected" }
            lines.append(observed)
            if check.vni == nil, !summary.vniCounts.isEmpty {
                let seen = summary.vniCounts.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) packets)" }
                lines.append("  VNIs seen: \(seen.joined(separator: ", "))")
            }
            for finding in result.findings { lines.append("  - \(finding)") }
        }
        let passed = results.filter(\.passed).count
        var tail = "\(results.count) checks: \(passed) passed, \(results.count - passed) failed"
        tail += " (\(summary.frames) frames read, \(summary.vxlanPackets) VXLAN"
        let anomalies = summary.anomalies.values.reduce(0, +)
        if anomalies > 0 { tail += ", \(anomalies) undecodable" }
        tail += ")"
        lines.append(tail)
        return lines.joined(separator: "\n") + "\n"
    }
}
