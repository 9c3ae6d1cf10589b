/// A capture file of either format, detected by its magic number, read through a memory mapping.
public struct CaptureFile: Sendable {
    public enum Format: String, Sendable { case pcap, pcapng }

    public let format: Format
    private let file: MappedFile
    /// Cached pages are handed back every this many bytes, which keeps memory constant in the file size.
    private static let releaseStride = 32 << 20

    public init(path: String) throws(PacketCaptureError) {
        let file = try MappedFile(path: path)
        self.file = file
        self.format = try Self.detect(file.bytes)
    }

    public static func detect(_ bytes: RawBytes) throws(PacketCaptureError) -> Format {
        guard bytes.count >= 4 else {
            throw .truncatedHeader(what: "capture file header", offset: 0, needed: 24, available: bytes.count)
        }
        switch bytes.u32(0, bigEndian: false) {
        case PcapNGReader.sectionHeaderType: return .pcapng
        case 0xa1b2_c3d4, 0xd4c3_b2a1, 0xa1b2_3c4d, 0x4d3c_b2a1: return .pcap
        case let magic: throw .unrecognizedFormat(magic: UInt32(bigEndian: magic.littleEndian))
        }
    }

    /// Reads every frame of a capture held in memory (tests, fuzzing).
    public static func forEachFrame(
        in bytes: RawBytes, _ body: (CapturedFrame) -> Bool
    ) throws(PacketCaptureError) {
        switch try detect(bytes) {
        case .pcap: try PcapReader(bytes: bytes).forEachFrame(body)
        case .pcapng: try PcapNGReader(bytes: bytes).forEachFrame(body)
        }
    }

    /// Calls `body` for each frame in file order until it returns false.
    public func forEachFrame(_ body: (CapturedFrame) -> Bool) throws(PacketCaptureError) {
        let file = self.file
        var nextRelease = Self.releaseStride
        try Self.forEachFrame(in: file.bytes) { frame in
            if frame.fileOffset >= nextRelease {
                file.release(before: frame.fileOffset)
                nextRelease = frame.fileOffset + Self.releaseStride
            }
            return body(frame)
        }
    }
}
