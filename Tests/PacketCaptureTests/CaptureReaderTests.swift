import Foundation
import PacketCapture
import Testing

@Suite struct CaptureReaderTests {
    static let base: Int64 = 1_700_000_000 * 1_000_000_000

    @Test(
        "reads pcap in both byte orders and timestamp resolutions, and every link type",
        arguments: [
            ("icmp-le-usec.pcap", LinkType.ethernet, 12, Int64(1_000)),
            ("icmp-be-nsec.pcap", .ethernet, 12, 1_007),
            ("icmp-sll.pcap", .linuxSLL, 10, 1_000),
            ("icmp-sll2.pcap", .linuxSLL2, 10, 1_000),
            ("icmp-raw.pcap", .raw, 10, 1_000),
        ])
    func pcapVariants(name: String, linkType: LinkType, frames: Int, secondFraction: Int64) throws {
        let read = try FixtureFile.frames(name)
        #expect(read.count == frames)
        #expect(read.allSatisfy { $0.frame.linkType == linkType })
        #expect(read[0].frame.fileOffset == 24)
        #expect(read[1].frame.timestampNanoseconds == Self.base + 1_000_000_000 + secondFraction)
        // The first ten frames are five mirrored echo requests and replies, VNI 4242.
        for (i, entry) in read.prefix(10).enumerated() {
            let p = entry.packet
            #expect(p.anomaly == .none)
            #expect(p.tunnel == .vxlan)
            #expect(p.vni == 4242)
            #expect(p.outer.source == IPAddress("198.18.1.2"))
            #expect(p.outer.destination == IPAddress("198.18.2.2"))
            #expect(p.outerTransport.destinationPort == 4789)
            #expect(p.innerTransport.kind == .icmp)
            #expect(p.innerTransport.icmpType == (i % 2 == 0 ? 8 : 0))
            #expect(p.innerTransport.identifier == 0x1234)
            #expect(p.innerTransport.sequence == UInt16(i / 2 + 1))
            #expect(p.inner.source == IPAddress(i % 2 == 0 ? "198.18.1.1" : "198.18.1.2"))
        }
    }

    @Test("reads pcapng sections of either byte order, several interfaces, EPB, SPB, obsolete PB; skips unknown blocks")
    func pcapngSections() throws {
        let read = try FixtureFile.frames("multi-section.pcapng")
        #expect(read.map(\.frame.linkType) == [.ethernet, .raw, .ethernet, .ethernet, .ethernet])
        #expect(read.map(\.frame.index) == [0, 1, 2, 3, 4])
        #expect(read[0].frame.timestampNanoseconds == Self.base + 5)  // if_tsresol 9: nanoseconds
        #expect(read[1].frame.timestampNanoseconds == Self.base + 1_000_000_000)  // default: microseconds
        // if_tsresol 2^-20, in the big-endian section.
        #expect(read[4].frame.timestampNanoseconds == Self.base + 3_000_000_000)
        #expect(read.allSatisfy { $0.packet.tunnel == .vxlan && $0.packet.vni == 4242 })
        #expect(read.map(\.packet.innerTransport.icmpType) == [8, 0, 8, 0, 8])
    }

    @Test("a record cut short is an error naming its index and byte offset, after the good records")
    func truncatedRecord() throws {
        let bytes = try FixtureFile.bytes("truncated-record.pcap")
        var delivered = 0
        let error = #expect(throws: PacketCaptureError.self) {
            try bytes.withUnsafeBytes { raw in
                try CaptureFile.forEachFrame(in: RawBytes(raw)) { _ in
                    delivered += 1
                    return true
                }
            }
        }
        #expect(delivered == 9)
        #expect(error == .truncatedRecord(recordIndex: 9, offset: 1500, needed: 164, available: 134))
        #expect(error?.description.contains("record 9 at byte 1500") == true)
    }

    @Test(
        "rejects what is not a capture, and damaged headers and blocks, with typed errors",
        arguments: [
            (
                [UInt8](),
                PacketCaptureError.truncatedHeader(what: "capture file header", offset: 0, needed: 24, available: 0)
            ),
            (Array("hello, world".utf8), .unrecognizedFormat(magic: 0x6865_6c6c)),
            (
                [0xd4, 0xc3, 0xb2, 0xa1, 2, 0],
                .truncatedHeader(what: "pcap file header", offset: 0, needed: 24, available: 6)
            ),
            // pcapng: a block length that is not a multiple of 4.
            [0x0a, 0x0d, 0x0d, 0x0a, 13, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 0, 0, 0, 0]
                .withError(
                    .malformedRecord(
                        recordIndex: 0, offset: 0, reason: "block length 13 is not a multiple of 4 of at least 12")),
            // pcapng: a packet block before any interface was described.
            (
                Self.sectionHeader + [6, 0, 0, 0, 32, 0, 0, 0] + [UInt8](repeating: 0, count: 20) + [32, 0, 0, 0],
                .unknownInterface(recordIndex: 1, offset: 28, interfaceID: 0, known: 0)
            ),
        ])
    func hostileHeaders(bytes: [UInt8], expected: PacketCaptureError) {
        let error = #expect(throws: PacketCaptureError.self) {
            try bytes.withUnsafeBytes { raw in try CaptureFile.forEachFrame(in: RawBytes(raw)) { _ in true } }
        }
        #expect(error == expected)
    }

    static let sectionHeader: [UInt8] =
        [0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0]
        + [UInt8](repeating: 0xff, count: 8) + [28, 0, 0, 0]

    @Test("the writer's pcap reads back with the same frames and timestamps")
    func writerRoundTrip() throws {
        let source = try FixtureFile.frames("icmp-le-usec.pcap")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mp-writer-\(UUID().uuidString).pcap")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try PcapWriter(path: path)
        for entry in source {
            try entry.frame.bytes.withUnsafeBytes { raw in
                try writer.write(
                    RawBytes(raw), originalLength: entry.frame.originalLength,
                    timestampNanoseconds: entry.frame.timestampNanoseconds)
            }
        }
        try writer.close()
        let file = try CaptureFile(path: path)
        #expect(file.format == .pcap)
        var back: [FrameCopy] = []
        try file.forEachFrame {
            back.append(FrameCopy($0))
            return true
        }
        #expect(back.map(\.bytes) == source.map(\.frame.bytes))
        #expect(back.map(\.timestampNanoseconds) == source.map(\.frame.timestampNanoseconds))
    }

    @Test("a missing file and a directory are reported with the path")
    func unreadablePaths() {
        #expect(throws: PacketCaptureError.self) { try CaptureFile(path: "/nonexistent/capture.pcap") }
        let error = #expect(throws: PacketCaptureError.self) { try CaptureFile(path: "/tmp") }
        #expect(error?.description.contains("not a regular file") == true)
    }
}

extension Array where Element == UInt8 {
    fileprivate func withError(_ error: PacketCaptureError) -> ([UInt8], PacketCaptureError) { (self, error) }
}
