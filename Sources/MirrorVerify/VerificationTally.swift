import PacketCapture

/// Counts decoded packets against a set of checks. Pure: feed it packets, then ask for the report.
public struct VerificationTally: Sendable {
    public let checks: [VerificationCheck]
    public private(set) var summary = CaptureSummary()
    private var observations: [CheckObservation]
    /// The checks without their strings: copying one in the per-packet loop costs no reference counting.
    private let matchers: [Matcher]
    private var vniCounter = VNICounter()
    private var scratch = DecodedPacket()

    public init(checks: [VerificationCheck]) {
        self.checks = checks
        observations = Array(repeating: CheckObservation(), count: checks.count)
        matchers = checks.map(Matcher.init)
    }

    struct Matcher {
        var from: IPAddress
        var to: IPAddress
        var vni: UInt32
        var anyVNI: Bool
        var traffic: TrafficKind

        init(_ check: VerificationCheck) {
            from = check.from
            to = check.to
            vni = check.vni ?? 0
            anyVNI = check.vni == nil
            traffic = check.traffic
        }
    }

    /// Inner packets that match at least one check so far (for the live progress line).
    public var matchedPackets: Int { observations.reduce(0) { $0 + $1.packets } }

    /// The frame last passed to `observe(frame:linkType:)`, decoded.
    public var lastPacket: DecodedPacket { scratch }

    /// Decodes one frame into reused storage and counts it: the per-packet entry point of the readers' loops.
    @inline(__always)
    public mutating func observe(frame bytes: RawBytes, linkType: LinkType) {
        PacketDecoder.decode(bytes, linkType: linkType, into: &scratch)
        // Distinct stored properties: no copy of the 300-byte packet for exclusive access.
        Self.count(&scratch, matchers, &summary, &vniCounter, &observations)
    }

    public mutating func observe(_ packet: DecodedPacket) {
        var packet = packet
        Self.count(&packet, matchers, &summary, &vniCounter, &observations)
    }

    @inline(__always)
    private static func count(
        // inout only so the optimiser passes the stored packet by address instead of copying it; never written.
        _ packet: inout DecodedPacket, _ matchers: [Matcher], _ summary: inout CaptureSummary,
        _ vniCounter: inout VNICounter,
        _ observations: inout [CheckObservation]
    ) {
        summary.frames += 1
        if packet.anomaly != .none { summary.anomalies[packet.anomaly, default: 0] += 1 }
        guard packet.hasOuterIP else { return }
        if packet.outer.isFragment, packet.outer.protocolNumber == 17 { summary.outerFragments += 1 }
        switch packet.tunnel {
        case .vxlan:
            summary.vxlanPortDatagrams += 1
            vniCounter.add(packet.vni)
            guard packet.hasInnerIP else { return }
            for index in matchers.indices {
                tunnelled(&packet, matchers[index], into: &observations[index])
            }
        case .notVXLAN:
            summary.vxlanPortDatagrams += 1
            summary.notVXLAN += 1
        case .quotedInICMPError:
            summary.icmpErrorsQuotingVXLAN += 1
        case .none:
            for index in matchers.indices {
                let check = matchers[index]
                let direction = Self.direction(packet.outer, check)
                guard direction != 0 else { continue }
                if Self.classify(packet.outer, packet.outerTransport, check.traffic, direction) == .matched {
                    observations[index].outsideVXLAN += 1
                }
            }
        }
    }

    private mutating func flushVNIRun() {
        summary.vniCounts = vniCounter.dictionary
    }

    private enum Classification { case matched, otherKind, unclassifiable }

    /// 1: from → to; -1: to → from; 0: not the pair.
    @inline(__always)
    private static func direction(_ ip: IPHeaderSummary, _ check: Matcher) -> Int {
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
    private static func tunnelled(_ packet: inout DecodedPacket, _ check: Matcher, into o: inout CheckObservation) {
        let direction = Self.direction(packet.inner, check)
        guard direction != 0 else { return }
        let classification = Self.classify(packet.inner, packet.innerTransport, check.traffic, direction)
        if !check.anyVNI, check.vni != packet.vni {
            if classification == .matched { o.countOtherVNI(packet.vni) }
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
        let results = zip(checks, finished.observations).map { check, observed in
            var observed = observed
            observed.flushOtherVNIRun()
            return Self.judge(check, observed, summary)
        }
        return VerificationReport(results: results, summary: summary)
    }
}
