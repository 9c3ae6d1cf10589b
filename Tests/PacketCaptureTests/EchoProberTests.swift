import PacketCapture
import Testing

@Suite struct EchoProberTests {
    @Test(
        "echo requests carry the identifier and sequence, with a checksum that verifies",
        arguments: [
            (UInt16(0x1234), UInt16(1)), (0xffff, 0xffff), (0, 0),
        ])
    func echoRequest(identifier: UInt16, sequence: UInt16) {
        let bytes = EchoProber.echoRequest(identifier: identifier, sequence: sequence)
        #expect(bytes.count == 64)
        // The one's-complement sum over a message with its checksum is 0xffff (RFC 1071).
        var sum: UInt32 = 0
        for i in stride(from: 0, to: bytes.count, by: 2) { sum += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]) }
        while sum >> 16 != 0 { sum = (sum & 0xffff) + (sum >> 16) }
        #expect(sum == 0xffff)
        // As the payload of an IPv4 packet, it decodes as an echo request with those fields.
        let header: [UInt8] = [0x45, 0, 0, 84, 0, 1, 0, 0, 64, 1, 0, 0, 198, 18, 1, 1, 198, 18, 1, 2]
        let packet = (header + bytes).withUnsafeBytes { PacketDecoder.decode(RawBytes($0), linkType: .raw) }
        #expect(packet.outerTransport.isEchoRequest)
        #expect(packet.outerTransport.identifier == identifier)
        #expect(packet.outerTransport.sequence == sequence)
    }
}
