import Foundation
import PacketCapture

/// Loads a committed fixture (written by scripts/fixtures/make_capture_fixtures.py).
enum FixtureFile {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    /// Every frame of the fixture, copied out, with its decoding.
    static func frames(_ name: String) throws -> [(frame: FrameCopy, packet: DecodedPacket)] {
        try frames(of: bytes(name))
    }

    static func frames(of bytes: [UInt8]) throws -> [(frame: FrameCopy, packet: DecodedPacket)] {
        var out: [(FrameCopy, DecodedPacket)] = []
        try bytes.withUnsafeBytes { raw in
            try CaptureFile.forEachFrame(in: RawBytes(raw)) { frame in
                out.append((FrameCopy(frame), PacketDecoder.decode(frame.bytes, linkType: frame.linkType)))
                return true
            }
        }
        return out
    }
}

/// A captured frame copied out of the capture's storage, for assertions.
struct FrameCopy {
    var index: Int
    var fileOffset: Int
    var timestampNanoseconds: Int64
    var linkType: LinkType
    var originalLength: Int
    var bytes: [UInt8]

    init(_ frame: CapturedFrame) {
        index = frame.index
        fileOffset = frame.fileOffset
        timestampNanoseconds = frame.timestampNanoseconds
        linkType = frame.linkType
        originalLength = frame.originalLength
        bytes = Array(frame.bytes.buffer)
    }
}
