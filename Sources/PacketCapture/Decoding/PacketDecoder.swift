/// Decodes a frame down to the inner packet of a VXLAN tunnel: link layer (Ethernet with 802.1Q/QinQ, Linux
/// cooked v1/v2, raw IP) → IPv4/IPv6 → UDP → VXLAN → inner Ethernet → inner IP → ICMP/TCP/UDP.
///
/// Every read is preceded by a length check; a frame that ends early stops decoding with an anomaly.
public enum PacketDecoder {
    public static let vxlanPort: UInt16 = 4789
    static let maximumVLANTags = 4
    static let maximumIPv6ExtensionHeaders = 8

    @inlinable
    public static func decode(_ bytes: RawBytes, linkType: LinkType, vxlanPort: UInt16 = vxlanPort) -> DecodedPacket {
        var packet = DecodedPacket()
        decode(bytes, linkType: linkType, vxlanPort: vxlanPort, into: &packet)
        return packet
    }

    public static func decode(
        _ bytes: RawBytes, linkType: LinkType, vxlanPort: UInt16 = vxlanPort, into packet: inout DecodedPacket
    ) {
        // Reset only what says which fields are valid (a full re-initialisation costs a 300-byte copy per packet);
        // `ip` and `transport` reset the rest of the summaries they fill.
        packet.anomaly = .none
        packet.outerVLANTags = 0
        packet.hasOuterIP = false
        packet.outerTransport.kind = .none
        packet.tunnel = .none
        packet.vxlanFlags = 0
        packet.vni = 0
        packet.innerFrameOffset = 0
        packet.innerFrameLength = 0
        packet.innerVLANTags = 0
        packet.hasInnerIP = false
        packet.innerTransport.kind = .none
        // 1. Link layer → network-layer offset and ethertype.
        var offset = 0
        var etherType: UInt16 = 0
        switch linkType {
        case .ethernet:
            guard
                link(
                    bytes, at: 0, etherType: &etherType, offset: &offset, tags: &packet.outerVLANTags,
                    anomaly: &packet.anomaly)
            else { return }
        case .linuxSLL:
            guard bytes.count >= 16 else {
                packet.anomaly = .truncatedLinkHeader
                return
            }
            etherType = bytes.u16be(14)
            offset = 16
        case .linuxSLL2:
            guard bytes.count >= 20 else {
                packet.anomaly = .truncatedLinkHeader
                return
            }
            etherType = bytes.u16be(0)
            offset = 20
        case .raw, .rawLegacy, .ipv4, .ipv6:
            guard bytes.count >= 1 else {
                packet.anomaly = .truncatedLinkHeader
                return
            }
            etherType = bytes.u8(0) >> 4 == 6 ? 0x86dd : 0x0800
        default:
            packet.anomaly = .unsupportedLinkType
            return
        }
        guard etherType == 0x0800 || etherType == 0x86dd else { return }

        // 2. Outer IP and transport.
        guard ip(bytes, at: offset, etherType: etherType, into: &packet.outer, anomaly: &packet.anomaly) else { return }
        packet.hasOuterIP = true
        guard packet.outer.fragmentOffset == 0 else { return }
        guard transport(bytes, ip: packet.outer, into: &packet.outerTransport, anomaly: &packet.anomaly) else { return }

        let t = packet.outerTransport
        if t.kind == .udp, t.destinationPort == vxlanPort {
            vxlan(bytes, packet: &packet)
        } else if t.isICMPError {
            if quotesTunnel(
                bytes, icmpOffset: t.headerOffset, end: payloadEnd(bytes, packet.outer), vxlanPort: vxlanPort)
            {
                packet.tunnel = .quotedInICMPError
            }
        }
    }

    /// Ethernet with any 802.1Q / 802.1ad / QinQ tags.
    @inline(__always)
    static func link(
        _ bytes: RawBytes, at start: Int, etherType: inout UInt16, offset: inout Int, tags: inout Int,
        anomaly: inout DecodeAnomaly
    ) -> Bool {
        guard bytes.count >= start + 14 else {
            anomaly = .truncatedLinkHeader
            return false
        }
        var type = bytes.u16be(start + 12)
        var next = start + 14
        while type == 0x8100 || type == 0x88a8 || type == 0x9100 {
            guard tags < maximumVLANTags else {
                anomaly = .tooManyVLANTags
                return false
            }
            guard bytes.count >= next + 4 else {
                anomaly = .truncatedLinkHeader
                return false
            }
            type = bytes.u16be(next + 2)
            next += 4
            tags += 1
        }
        etherType = type
        offset = next
        return true
    }

    @inline(__always)
    static func payloadEnd(_ bytes: RawBytes, _ ip: IPHeaderSummary) -> Int {
        // Ethernet pads short frames: bytes past the declared length are not payload.
        ip.headerOffset + min(ip.capturedLength, ip.declaredLength)
    }

    @inline(__always)
    static func ip(
        _ bytes: RawBytes, at offset: Int, etherType: UInt16, into ip: inout IPHeaderSummary,
        anomaly: inout DecodeAnomaly
    ) -> Bool {
        let available = bytes.count - offset
        ip.headerOffset = offset
        ip.capturedLength = max(available, 0)
        ip.fragmentOffset = 0
        ip.moreFragments = false
        if etherType == 0x0800 {
            guard available >= 20 else {
                anomaly = .truncatedIPHeader
                return false
            }
            let first = bytes.u8(offset)
            let headerLength = Int(first & 0x0f) * 4
            guard first >> 4 == 4, headerLength >= 20 else {
                anomaly = .malformedIPHeader
                return false
            }
            guard available >= headerLength else {
                anomaly = .truncatedIPHeader
                return false
            }
            let total = Int(bytes.u16be(offset + 2))
            guard total >= headerLength else {
                anomaly = .malformedIPHeader
                return false
            }
            let fragment = bytes.u16be(offset + 6)
            ip.version = 4
            ip.declaredLength = total
            ip.moreFragments = fragment & 0x2000 != 0
            ip.fragmentOffset = Int(fragment & 0x1fff) * 8
            ip.protocolNumber = bytes.u8(offset + 9)
            ip.source = IPAddress(ipv4: bytes.u32be(offset + 12))
            ip.destination = IPAddress(ipv4: bytes.u32be(offset + 16))
            ip.payloadOffset = offset + headerLength
            return true
        }
        guard available >= 40 else {
            anomaly = .truncatedIPHeader
            return false
        }
        guard bytes.u8(offset) >> 4 == 6 else {
            anomaly = .malformedIPHeader
            return false
        }
        ip.version = 6
        ip.declaredLength = 40 + Int(bytes.u16be(offset + 4))
        ip.source = IPAddress(ipv6High: bytes.u64be(offset + 8), low: bytes.u64be(offset + 16))
        ip.destination = IPAddress(ipv6High: bytes.u64be(offset + 24), low: bytes.u64be(offset + 32))
        var next = bytes.u8(offset + 6)
        var cursor = offset + 40
        var walked = 0
        // Extension headers (RFC 8200 §4): hop-by-hop, routing, fragment, destination options, AH.
        while next == 0 || next == 43 || next == 44 || next == 60 || next == 51 {
            guard walked < maximumIPv6ExtensionHeaders else {
                anomaly = .malformedIPHeader
                return false
            }
            guard bytes.count >= cursor + 8 else {
                anomaly = .truncatedIPHeader
                return false
            }
            let following = bytes.u8(cursor)
            let length: Int
            switch next {
            case 44:
                let field = bytes.u16be(cursor + 2)
                ip.fragmentOffset = Int(field >> 3) * 8
                ip.moreFragments = field & 1 != 0
                length = 8
            case 51: length = (Int(bytes.u8(cursor + 1)) + 2) * 4
            default: length = (Int(bytes.u8(cursor + 1)) + 1) * 8
            }
            next = following
            cursor += length
            walked += 1
        }
        guard bytes.count >= cursor else {
            anomaly = .truncatedIPHeader
            return false
        }
        ip.protocolNumber = next
        ip.payloadOffset = cursor
        return true
    }

    @inline(__always)
    static func transport(
        _ bytes: RawBytes, ip: IPHeaderSummary, into t: inout TransportSummary, anomaly: inout DecodeAnomaly
    ) -> Bool {
        let start = ip.payloadOffset
        let available = payloadEnd(bytes, ip) - start
        t.headerOffset = start
        t.portsPresent = false
        t.typePresent = false
        t.echoFieldsPresent = false
        switch ip.protocolNumber {
        case 17, 6:
            t.kind = ip.protocolNumber == 17 ? .udp : .tcp
            guard available >= 4 else {
                anomaly = .truncatedTransportHeader
                return false
            }
            t.sourcePort = bytes.u16be(start)
            t.destinationPort = bytes.u16be(start + 2)
            t.portsPresent = true
            if t.kind == .udp, available < 8 {
                anomaly = .truncatedTransportHeader
                return false
            }
        case 1, 58:
            t.kind = ip.protocolNumber == 1 ? .icmp : .icmpv6
            guard available >= 2 else {
                anomaly = .truncatedTransportHeader
                return false
            }
            t.icmpType = bytes.u8(start)
            t.icmpCode = bytes.u8(start + 1)
            t.typePresent = true
            if available >= 8 {
                t.identifier = bytes.u16be(start + 4)
                t.sequence = bytes.u16be(start + 6)
                t.echoFieldsPresent = true
            }
        default:
            t.kind = .other
        }
        return true
    }

    static func vxlan(_ bytes: RawBytes, packet: inout DecodedPacket) {
        let start = packet.outerTransport.headerOffset + 8
        let end = payloadEnd(bytes, packet.outer)
        guard end - start >= 8 else {
            packet.tunnel = .notVXLAN
            if packet.outer.isTruncated { packet.anomaly = .truncatedVXLANHeader }
            return
        }
        let flags = bytes.u8(start)
        packet.vxlanFlags = flags
        // RFC 7348: the I flag must be set for the VNI to be valid.
        guard flags & 0x08 != 0 else {
            packet.tunnel = .notVXLAN
            return
        }
        packet.tunnel = .vxlan
        packet.vni = bytes.u32be(start + 4) >> 8
        let innerStart = start + 8
        packet.innerFrameOffset = innerStart
        packet.innerFrameLength = end - innerStart
        let inner = bytes.slice(0, length: end)
        var etherType: UInt16 = 0
        var offset = 0
        guard
            link(
                inner, at: innerStart, etherType: &etherType, offset: &offset, tags: &packet.innerVLANTags,
                anomaly: &packet.anomaly)
        else {
            if packet.anomaly == .truncatedLinkHeader { packet.anomaly = .truncatedInnerFrame }
            return
        }
        guard etherType == 0x0800 || etherType == 0x86dd else { return }
        // Inner truncation (PacketLength, MTU) is expected, not an anomaly: keep what the header says.
        var innerAnomaly = DecodeAnomaly.none
        guard ip(inner, at: offset, etherType: etherType, into: &packet.inner, anomaly: &innerAnomaly) else { return }
        packet.hasInnerIP = true
        guard packet.inner.fragmentOffset == 0 else { return }
        _ = transport(inner, ip: packet.inner, into: &packet.innerTransport, anomaly: &innerAnomaly)
    }

    /// True when an ICMP error quotes a UDP datagram to the VXLAN port (RFC 792: the quoted IP header plus
    /// at least 8 bytes of its payload follow the 8-byte ICMP header).
    static func quotesTunnel(_ bytes: RawBytes, icmpOffset: Int, end: Int, vxlanPort: UInt16) -> Bool {
        let quoted = icmpOffset + 8
        let region = bytes.slice(0, length: end)
        guard region.count >= quoted + 1 else { return false }
        let etherType: UInt16 = region.u8(quoted) >> 4 == 6 ? 0x86dd : 0x0800
        var header = IPHeaderSummary()
        var anomaly = DecodeAnomaly.none
        guard ip(region, at: quoted, etherType: etherType, into: &header, anomaly: &anomaly) else { return false }
        guard header.protocolNumber == 17, header.fragmentOffset == 0, region.count >= header.payloadOffset + 4 else {
            return false
        }
        return region.u16be(header.payloadOffset + 2) == vxlanPort
    }
}
