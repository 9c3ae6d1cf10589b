/// Why a capture could not be read. Every case names the byte offset in the file and, for records, the
/// zero-based record (packet or block) index, so a hostile or damaged file is reported, never trapped on.
public enum PacketCaptureError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case unrecognizedFormat(magic: UInt32)
    case truncatedHeader(what: String, offset: Int, needed: Int, available: Int)
    case truncatedRecord(recordIndex: Int, offset: Int, needed: Int, available: Int)
    case malformedRecord(recordIndex: Int, offset: Int, reason: String)
    case unknownInterface(recordIndex: Int, offset: Int, interfaceID: Int, known: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot read capture \(path): \(reason)"
        case .unrecognizedFormat(let magic):
            "not a pcap or pcapng capture (first 4 bytes 0x\(String(magic, radix: 16))); "
                + "write captures with `tcpdump -w FILE` or `dumpcap -w FILE`"
        case .truncatedHeader(let what, let offset, let needed, let available):
            "capture ends inside the \(what) at byte \(offset): needs \(needed) bytes, \(available) left; "
                + "the file is cut short or not a capture"
        case .truncatedRecord(let index, let offset, let needed, let available):
            "record \(index) at byte \(offset) is truncated: needs \(needed) bytes, \(available) left; "
                + "the capture was cut short (was the capturing process killed?)"
        case .malformedRecord(let index, let offset, let reason):
            "record \(index) at byte \(offset) is malformed: \(reason)"
        case .unknownInterface(let index, let offset, let id, let known):
            "record \(index) at byte \(offset) names interface \(id), but only \(known) were described before it"
        }
    }
}
