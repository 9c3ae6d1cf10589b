import PacketCapture

extension VerificationTally {
    /// Pass/fail for one check, and the findings from capture.md's troubleshooting list that fit what was seen.
    static func judge(_ check: VerificationCheck, _ o: CheckObservation, _ summary: CaptureSummary) -> CheckResult {
        let passed = check.expect == .mirrored ? o.packets >= check.count : o.packets == 0
        var findings: [String] = []
        let pair = "\(check.traffic) between \(check.from) and \(check.to)"
        let expectedVNI = check.vni.map { "VNI \($0)" } ?? "any VNI"

        if check.expect == .notMirrored, o.packets > 0 {
            findings.append(
                "\(o.packets) packets of \(pair) arrived with \(expectedVNI); the session's filter accepts this traffic"
            )
        }
        if check.expect == .mirrored, !passed {
            if summary.vxlanPortDatagrams == 0, summary.outerFragments == 0 {
                findings.append(
                    "no UDP 4789 at all in the capture: check that the target's security group allows UDP 4789 from the "
                        + "source, that the filter has rules for this traffic in both directions, that the source instance "
                        + "type supports mirroring, and (NLB target) that a UDP 4789 listener exists")
            }
            let others = o.pairUnderOtherVNIs.sorted { $0.key < $1.key }
            if !others.isEmpty {
                let list = others.map { "VNI \($0.key) (\($0.value) packets)" }.joined(separator: ", ")
                findings.append(
                    "\(pair) arrived with \(list), expected \(expectedVNI): another session mirrors it, "
                        + "or AWS chose a random VNI because the session sets none")
            }
            let seen = summary.vniCounts.sorted { $0.key < $1.key }
            let expectedCount = check.vni.map { summary.vniCounts[$0] ?? 0 } ?? summary.vxlanPackets
            if expectedCount == 0, !seen.isEmpty, others.isEmpty {
                let list = seen.map { "VNI \($0.key) (\($0.value) packets)" }.joined(separator: ", ")
                findings.append(
                    "VXLAN arrived only with \(list), expected \(expectedVNI): a different session, or several "
                        + "sessions share this target")
            }
            if expectedCount > 0, o.packets == 0, o.unclassifiable == 0 {
                findings.append(
                    "\(expectedCount) VXLAN packets with \(expectedVNI) arrived but none carried \(pair): the "
                        + "filter may mirror other traffic only, a higher-priority session may take these packets, the source's "
                        + "security group may drop them, or the traffic used another ENI or address")
            }
            if summary.notVXLAN > 0 {
                findings.append(
                    "\(summary.notVXLAN) UDP 4789 datagrams are not VXLAN (I flag not set, or shorter than the "
                        + "8-byte VXLAN header)")
            }
            if o.packets > 0 {
                findings.append(
                    "only \(o.packets) of the \(check.count) expected packets arrived: mirrored traffic is "
                        + "dropped first under congestion, or the capture stopped early")
            }
        }
        if o.outsideVXLAN > 0 {
            findings.append(
                "\(o.outsideVXLAN) packets of \(pair) were seen outside VXLAN: this capture was taken on "
                    + "the traffic's own path, not on the mirror target")
        }
        if let length = o.truncatedTo {
            findings.append(
                "\(o.truncatedPackets) inner packets are truncated to \(length) bytes (the session's "
                    + "PacketLength or the target's MTU); inner checksums are not checked")
        }
        if o.unclassifiable > 0 {
            findings.append(
                "\(o.unclassifiable) inner packets of the pair were cut before the ICMP type or the ports: a "
                    + "PacketLength of at least 42 bytes is needed to classify them")
        }
        if summary.outerFragments > 0 {
            findings.append(
                "\(summary.outerFragments) outer IP fragments: the path fragments mirrored packets; capture "
                    + "with the filter 'udp port 4789 or (ip[6:2] & 0x1fff != 0)' to keep the trailing fragments")
        }
        if check.expect == .mirrored, o.packets > 0, o.forward == 0 || o.reverse == 0 {
            let missing = o.forward == 0 ? "\(check.from) → \(check.to)" : "\(check.to) → \(check.from)"
            findings.append("nothing arrived for \(missing): the filter may lack a rule for that direction")
        }
        if summary.icmpErrorsQuotingVXLAN > 0 {
            findings.append(
                "\(summary.icmpErrorsQuotingVXLAN) ICMP errors quoting VXLAN were ignored: nothing listens on "
                    + "UDP 4789 on the target, so its kernel answers port-unreachable (harmless)")
        }
        return CheckResult(check: check, observed: o, passed: passed, findings: findings)
    }
}
