import PacketCapture
import Testing

@Suite struct PacketDecoderTests {
    @Test("QinQ outer tags and an 802.1Q inner tag are walked")
    func vlanTags() throws {
        let packets = try FixtureFile.frames("vlan-qinq.pcap").map(\.packet)
        #expect(packets.count == 10)
        #expect(packets.allSatisfy { $0.outerVLANTags == 2 && $0.innerVLANTags == 1 && $0.vni == 4242 })
        #expect(packets[0].innerTransport.isEchoRequest)
    }

    @Test("outer IPv6 with a hop-by-hop header carrying inner ICMPv6 echo")
    func ipv6() throws {
        let packets = try FixtureFile.frames("ipv6-inner.pcap").map(\.packet)
        #expect(packets.count == 6)
        let first = packets[0]
        #expect(first.outer.version == 6)
        #expect(first.outer.protocolNumber == 17)
        #expect(first.outer.source == IPAddress("fd01::1"))
        #expect(first.tunnel == .vxlan)
        #expect(first.inner.version == 6)
        #expect(first.inner.source == IPAddress("fd00::1"))
        #expect(first.innerTransport.kind == .icmpv6)
        #expect(first.innerTransport.isEchoRequest)
        #expect(packets[1].innerTransport.isEchoReply)
        #expect(packets.map(\.innerTransport.sequence) == [1, 1, 2, 2, 3, 3])
        #expect(IPAddress("fd00::1")?.description == "fd00::1")
    }

    @Test("IPv4 options move the payload")
    func ipv4Options() throws {
        let packets = try FixtureFile.frames("ipv4-options.pcap").map(\.packet)
        #expect(packets.allSatisfy { $0.outer.payloadOffset == 14 + 24 && $0.tunnel == .vxlan && $0.vni == 4242 })
    }

    @Test("an outer first fragment still decapsulates; the trailing fragment is only a fragment")
    func fragments() throws {
        let packets = try FixtureFile.frames("outer-fragments.pcap").map(\.packet)
        #expect(packets[0].outer.moreFragments && packets[0].outer.fragmentOffset == 0)
        #expect(packets[0].tunnel == .vxlan)
        #expect(packets[0].innerTransport.isEchoRequest)
        #expect(packets[1].outer.fragmentOffset == 1480)
        #expect(packets[1].tunnel == .none)
        #expect(packets[1].outerTransport.kind == .none)
    }

    @Test("PacketLength truncation: the inner header declares more than arrived")
    func packetLengthTruncation() throws {
        let packets = try FixtureFile.frames("packet-length-64.pcap").map(\.packet)
        #expect(
            packets.allSatisfy { $0.innerFrameLength == 64 && $0.inner.isTruncated && $0.inner.declaredLength == 84 })
        #expect(packets.allSatisfy { $0.innerTransport.echoFieldsPresent })
    }

    @Test("UDP 4789 without the I flag is not VXLAN; ICMP errors quoting VXLAN are recognised")
    func notVXLANAndQuotedErrors() throws {
        let notVXLAN = try FixtureFile.frames("not-vxlan.pcap").map(\.packet)
        #expect(notVXLAN.allSatisfy { $0.tunnel == .notVXLAN && $0.vxlanFlags == 0 })
        let standard = try FixtureFile.frames("icmp-le-usec.pcap").map(\.packet)
        #expect(standard[10].tunnel == .quotedInICMPError)
        #expect(standard[10].outerTransport.icmpType == 3)
        #expect(standard[11].tunnel == .vxlan && standard[11].inner.version == 6)  // MLD noise in the tunnel
    }

    @Test(
        "frames cut inside a header are counted anomalies, not traps",
        arguments: [
            (0, DecodeAnomaly.truncatedLinkHeader), (13, .truncatedLinkHeader), (20, .truncatedIPHeader),
            (36, .truncatedTransportHeader), (45, .truncatedVXLANHeader), (55, .truncatedInnerFrame),
        ])
    func cutFrames(length: Int, anomaly: DecodeAnomaly) throws {
        let frame = try FixtureFile.frames("icmp-le-usec.pcap")[0].frame
        let packet = Array(frame.bytes.prefix(length)).withUnsafeBytes {
            PacketDecoder.decode(RawBytes($0), linkType: .ethernet)
        }
        #expect(packet.anomaly == anomaly)
    }

    @Test("an unknown link type is an anomaly")
    func unknownLinkType() {
        let packet = [UInt8](repeating: 0x45, count: 64).withUnsafeBytes {
            PacketDecoder.decode(RawBytes($0), linkType: LinkType(rawValue: 147))
        }
        #expect(packet.anomaly == .unsupportedLinkType)
    }
}
