/// One packet record as read from a capture. `bytes` points into the capture's storage and is valid only
/// inside the closure that received the frame (no copy is made).
public struct CapturedFrame {
    /// Zero-based packet index in the file (pcapng: counts packet blocks only).
    public var index: Int
    /// Byte offset of the record (pcap) or block (pcapng) in the file.
    public var fileOffset: Int
    /// Nanoseconds since the epoch.
    public var timestampNanoseconds: Int64
    public var linkType: LinkType
    /// The packet's length on the wire; more than `bytes.count` when the capture was cut by a snaplen.
    public var originalLength: Int
    public var bytes: RawBytes

    public init(
        index: Int, fileOffset: Int, timestampNanoseconds: Int64, linkType: LinkType, originalLength: Int,
        bytes: RawBytes
    ) {
        self.index = index
        self.fileOffset = fileOffset
        self.timestampNanoseconds = timestampNanoseconds
        self.linkType = linkType
        self.originalLength = originalLength
        self.bytes = bytes
    }
}
