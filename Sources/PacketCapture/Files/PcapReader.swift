/// Reads classic pcap files: both byte orders, microsecond (`a1b2c3d4`) and nanosecond (`a1b23c4d`) magics.
public struct PcapReader {
    public static let headerLength = 24
    static let recordHeaderLength = 16
    /// libpcap's MAXIMUM_SNAPLEN; a larger record length means a damaged file, not a big packet.
    static let maximumRecordLength = 262_144

    public let bigEndian: Bool
    public let nanosecondTimestamps: Bool
    public let linkType: LinkType
    public let snapLength: UInt32
    public let versionMajor: UInt16
    public let versionMinor: UInt16
    private let bytes: RawBytes

    public init(bytes: RawBytes) throws(PacketCaptureError) {
        guard bytes.count >= Self.headerLength else {
            throw .truncatedHeader(
                what: "pcap file header", offset: 0, needed: Self.headerLength, available: bytes.count)
        }
        switch bytes.u32(0, bigEndian: false) {
        case 0xa1b2_c3d4: (bigEndian, nanosecondTimestamps) = (false, false)
        case 0xd4c3_b2a1: (bigEndian, nanosecondTimestamps) = (true, false)
        case 0xa1b2_3c4d: (bigEndian, nanosecondTimestamps) = (false, true)
        case 0x4d3c_b2a1: (bigEndian, nanosecondTimestamps) = (true, true)
        case let magic: throw .unrecognizedFormat(magic: UInt32(bigEndian: magic.littleEndian))
        }
        versionMajor = bytes.u16(4, bigEndian: bigEndian)
        versionMinor = bytes.u16(6, bigEndian: bigEndian)
        snapLength = bytes.u32(16, bigEndian: bigEndian)
        // The upper bits of the link-type field carry FCS information (pcap spec, "LinkType and additional information").
        linkType = LinkType(rawValue: bytes.u32(20, bigEndian: bigEndian) & 0x0fff_ffff)
        self.bytes = bytes
    }

    /// Calls `body` for each record in order until it returns false. Throws at the first damaged record;
    /// the frames before it have been delivered.
    @inlinable
    public func forEachFrame(_ body: (CapturedFrame) -> Bool) throws(PacketCaptureError) {
        try walk(body)
    }

    @usableFromInline
    func walk(_ body: (CapturedFrame) -> Bool) throws(PacketCaptureError) {
        let bytes = self.bytes
        let big = bigEndian
        let fractionScale: Int64 = nanosecondTimestamps ? 1 : 1000
        var offset = Self.headerLength
        var index = 0
        while offset < bytes.count {
            let remaining = bytes.count - offset
            guard remaining >= Self.recordHeaderLength else {
                throw .truncatedRecord(
                    recordIndex: index, offset: offset, needed: Self.recordHeaderLength, available: remaining)
            }
            let seconds = Int64(bytes.u32(offset, bigEndian: big))
            let fraction = Int64(bytes.u32(offset + 4, bigEndian: big))
            let captured = Int(bytes.u32(offset + 8, bigEndian: big))
            let original = Int(bytes.u32(offset + 12, bigEndian: big))
            guard captured <= Self.maximumRecordLength else {
                throw .malformedRecord(
                    recordIndex: index, offset: offset,
                    reason:
                        "captured length \(captured) exceeds the largest possible packet (\(Self.maximumRecordLength))")
            }
            let needed = Self.recordHeaderLength + captured
            guard remaining >= needed else {
                throw .truncatedRecord(recordIndex: index, offset: offset, needed: needed, available: remaining)
            }
            let frame = CapturedFrame(
                index: index, fileOffset: offset,
                timestampNanoseconds: seconds &* 1_000_000_000 &+ fraction &* fractionScale,
                linkType: linkType, originalLength: original,
                bytes: bytes.slice(offset + Self.recordHeaderLength, length: captured))
            if !body(frame) { return }
            offset += needed
            index += 1
        }
    }
}
