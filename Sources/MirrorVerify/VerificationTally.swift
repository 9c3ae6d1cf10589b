import PacketCapture

/// Counts decoded packets against a set of checks. Pure: feed it packets, then ask for the report.
public struct VerificationTally: Sendable {
    public let checks: [VerificationCheck]
    public private(set) var summary = CaptureSummary()
    private var observations: [CheckObservation]
    // The VNI counter is hit for every tunnelled packet: batch runs of one VNI instead of hashing each time.
    private var runVNI: UInt32 = 0
    private var runLength = 0

    public init(checks: [VerificationCheck]) {
        self.checks = checks
        observations = Array(repeating: CheckObservation(), count: checks.count)
    }

    /// Inner packets that match at least one check so far (for the live progress line).
    public var matchedPackets: Int { observations.reduce(0) { $0 + $1.packets } }

    public mutating func observe(_ packet: DecodedPacket) {
        summary.frames += 1
        if packet.anomaly != .none { summary.anomalies[packet.anomaly, default: 0] += 1 }
        guard packet.hasOuterIP else { return }
        if packet.outer.isFragment, packet.outer.protocolNumber == 17 { summary.outerFragments += 1 }
        switch packet.tunnel {
        case .vxlan:
            summary.vxlanPortDatagrams += 1
            if packet.vni == runVNI {
                runLength += 1
            } else {
                flushVNIRun()
                runVNI = packet.vni
                runLength = 1
            }
            guard packet.hasInnerIP else { return }
            for index in checks.indices {
                tunnelled(packet, check: checks[index], into: &observations[index])
            }
        case .notVXLAN:
            summary.vxlanPortDatagrams += 1
            summary.notVXLAN += 1
        case .quotedInICMPError:
            summary.icmpErrorsQuotingVXLAN += 1
        case .none:
            for index in checks.indices {
                let check = checks[index]
                let direction = Self.direction(packet.outer, check)
                guard direction != 0 else { continue }
                if Self.classify(packet.outer, packet.outerTransport, check.traffic, direction) == .matched {
                    observations[index].outsideVXLAN += 1
                }
            }
        }
    }

    private mutating func flushVNIRun() {
        if runLength > 0 { summary.vniCounts[runVNI, default: 0] += runLength }
        runLength = 0
    }

    private enum Classification { case matched, otherKind, unclassifiable }

    /// 1: from → to; -1: to → from; 0: not the pair.
    @inline(__always)
    private static func direction(_ ip: IPHeaderSummary, _ check: VerificationCheck) -> Int {
        if ip.source == check.from, ip.destination == check.to { return 1 }
        if ip.source == check.to, ip.destination == check.from { return -1 }
        return 0
    }

    @inline(__always)
    private static func classify(
        _ ip: IPHeaderSummary, _ t: TransportSummary, _ kind: TrafficKind, _ direction: Int
    ) -> Classification {
        switch kind {
        case .icmp:
            return ip.protocolNumber == 1 || ip.protocolNumber == 58 ? .matched : .otherKind
        case .tcp(let port), .udp(let port):
            let wanted: UInt8
            if case .tcp = kind { wanted = 6 } else { wanted = 17 }
            guard ip.protocolNumber == wanted else { return .otherKind }
            guard ip.fragmentOffset == 0, t.portsPresent else { return .unclassifiable }
            let servicePort = direction > 0 ? t.destinationPort : t.sourcePort
            return servicePort == port ? .matched : .otherKind
        }
    }

    @inline(__always)
    private func tunnelled(_ packet: DecodedPacket, check: VerificationCheck, into o: inout CheckObservation) {
        let direction = Self.direction(packet.inner, check)
        guard direction != 0 else { return }
        let classification = Self.classify(packet.inner, packet.innerTransport, check.traffic, direction)
        if let vni = check.vni, vni != packet.vni {
            if classification == .matched { o.pairUnderOtherVNIs[packet.vni, default: 0] += 1 }
            return
        }
        switch classification {
        case .otherKind: return
        case .unclassifiable: o.unclassifiable += 1
        case .matched:
            o.packets += 1
            if direction > 0 { o.forward += 1 } else { o.reverse += 1 }
            if packet.innerTransport.isEchoRequest { o.echoRequests += 1 }
            if packet.innerTransport.isEchoReply { o.echoReplies += 1 }
            // An outer fragment cuts the inner packet too; that is reported as fragmentation, not truncation.
            if packet.inner.isTruncated, !packet.outer.isFragment {
                o.truncatedPackets += 1
                o.truncatedTo = max(o.truncatedTo ?? 0, packet.innerFrameLength)
            }
        }
    }

    /// The verdict on every check.
    public func report() -> VerificationReport {
        var finished = self
        finished.flushVNIRun()
        let summary = finished.summary
        let results = zip(checks, observations).map { check, observed in
            Self.judge(check, observed, summary)
        }
        return VerificationReport(results: results, summary: summary)
    }
}
