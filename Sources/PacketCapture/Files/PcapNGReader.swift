/// Reads pcapng files: byte order per section (SHB), any number of interfaces (IDB) with their link types and
/// `if_tsresol`, Enhanced, Simple and obsolete Packet Blocks; other blocks are skipped by their length.
public struct PcapNGReader {
    static let sectionHeaderType: UInt32 = 0x0a0d_0d0a
    static let byteOrderMagic: UInt32 = 0x1a2b_3c4d

    struct Interface {
        var linkType: LinkType
        var snapLength: Int
        // Timestamp units → nanoseconds, worked out once per interface (if_tsresol; default 10^-6 s):
        // units * multiplier / divisor for decimal resolutions, or a binary fraction.
        var multiplier: Int64 = 1000
        var divisor: UInt64 = 1
        var binaryExponent: Int?

        init(linkType: LinkType, snapLength: Int) {
            self.linkType = linkType
            self.snapLength = snapLength
        }

        mutating func setResolution(_ byte: UInt8) {
            if byte & 0x80 != 0 {
                binaryExponent = Int(byte & 0x7f)
                return
            }
            binaryExponent = nil
            let exponent = Int(byte)
            multiplier = 1
            divisor = 1
            if exponent <= 9 {
                for _ in exponent..<9 { multiplier &*= 10 }
            } else {
                // Past 10^-19 the divisor no longer fits; such a clock is not real, saturate.
                for _ in 9..<min(exponent, 28) {
                    divisor = divisor.multipliedReportingOverflow(by: 10).overflow ? .max : divisor * 10
                }
            }
        }

        @inline(__always)
        func nanoseconds(_ units: UInt64) -> Int64 {
            if let shift = binaryExponent {
                let nanoseconds = Double(units) / Double(sign: .plus, exponent: shift, significand: 1) * 1e9
                // A hostile resolution can put the value out of range: saturate rather than trap.
                return nanoseconds < 9.2e18 ? Int64(nanoseconds) : Int64.max
            }
            return Int64(truncatingIfNeeded: divisor == 1 ? units : units / divisor) &* multiplier
        }
    }

    private let bytes: RawBytes

    public init(bytes: RawBytes) throws(PacketCaptureError) {
        guard bytes.count >= 12 else {
            throw .truncatedHeader(what: "pcapng section header", offset: 0, needed: 28, available: bytes.count)
        }
        let magic = bytes.u32(0, bigEndian: false)
        guard magic == Self.sectionHeaderType else {
            throw .unrecognizedFormat(magic: UInt32(bigEndian: magic.littleEndian))
        }
        self.bytes = bytes
    }

    /// Calls `body` for each packet until it returns false. Throws at the first damaged block.
    public func forEachFrame(_ body: (CapturedFrame) -> Bool) throws(PacketCaptureError) {
        let bytes = self.bytes
        var offset = 0
        var blockIndex = 0
        var packetIndex = 0
        var big = false
        var interfaces: [Interface] = []
        while offset < bytes.count {
            let remaining = bytes.count - offset
            guard remaining >= 12 else {
                throw .truncatedRecord(recordIndex: blockIndex, offset: offset, needed: 12, available: remaining)
            }
            let rawType = bytes.u32(offset, bigEndian: false)
            if rawType == Self.sectionHeaderType {
                switch bytes.u32(offset + 8, bigEndian: false) {
                case Self.byteOrderMagic: big = false
                case Self.byteOrderMagic.byteSwapped: big = true
                case let other:
                    throw .malformedRecord(
                        recordIndex: blockIndex, offset: offset,
                        reason: "section header byte-order magic is 0x\(String(other, radix: 16)), not 1a2b3c4d")
                }
                interfaces.removeAll(keepingCapacity: true)
            }
            let type = bytes.u32(offset, bigEndian: big)
            let length = Int(bytes.u32(offset + 4, bigEndian: big))
            guard length >= 12, length % 4 == 0 else {
                throw .malformedRecord(
                    recordIndex: blockIndex, offset: offset,
                    reason: "block length \(length) is not a multiple of 4 of at least 12")
            }
            guard length <= remaining else {
                throw .truncatedRecord(recordIndex: blockIndex, offset: offset, needed: length, available: remaining)
            }
            let block = bytes.slice(offset, length: length)
            // The body ends before the trailing copy of the block length.
            let bodyEnd = length - 4
            switch type {
            case 1:  // Interface Description Block
                guard length >= 20 else { throw Self.short("interface description", blockIndex, offset, length, 20) }
                var interface = Interface(
                    linkType: LinkType(rawValue: UInt32(block.u16(8, bigEndian: big))),
                    snapLength: Int(block.u32(12, bigEndian: big)))
                var option = 16
                while option + 4 <= bodyEnd {
                    let code = block.u16(option, bigEndian: big)
                    let optionLength = Int(block.u16(option + 2, bigEndian: big))
                    if code == 0 { break }
                    guard option + 4 + optionLength <= bodyEnd else {
                        throw .malformedRecord(
                            recordIndex: blockIndex, offset: offset + option,
                            reason: "interface option \(code) of \(optionLength) bytes runs past the block")
                    }
                    if code == 9, optionLength >= 1 { interface.setResolution(block.u8(option + 4)) }
                    option += 4 + (optionLength + 3) & ~3
                }
                interfaces.append(interface)
            case 6, 2:  // Enhanced Packet Block; obsolete Packet Block
                guard length >= 32 else { throw Self.short("packet", blockIndex, offset, length, 32) }
                let interfaceID = type == 6 ? Int(block.u32(8, bigEndian: big)) : Int(block.u16(8, bigEndian: big))
                guard interfaceID < interfaces.count else {
                    throw .unknownInterface(
                        recordIndex: blockIndex, offset: offset, interfaceID: interfaceID, known: interfaces.count)
                }
                let units = UInt64(block.u32(12, bigEndian: big)) << 32 | UInt64(block.u32(16, bigEndian: big))
                let captured = Int(block.u32(20, bigEndian: big))
                let original = Int(block.u32(24, bigEndian: big))
                guard captured <= bodyEnd - 28 else {
                    throw .malformedRecord(
                        recordIndex: blockIndex, offset: offset,
                        reason: "captured length \(captured) exceeds the block's \(bodyEnd - 28) data bytes")
                }
                let interface = interfaces[interfaceID]
                let frame = CapturedFrame(
                    index: packetIndex, fileOffset: offset, timestampNanoseconds: interface.nanoseconds(units),
                    linkType: interface.linkType, originalLength: original, bytes: block.slice(28, length: captured))
                if !body(frame) { return }
                packetIndex += 1
            case 3:  // Simple Packet Block: interface 0, no timestamp
                guard length >= 16 else { throw Self.short("simple packet", blockIndex, offset, length, 16) }
                guard let interface = interfaces.first else {
                    throw .unknownInterface(recordIndex: blockIndex, offset: offset, interfaceID: 0, known: 0)
                }
                let original = Int(block.u32(8, bigEndian: big))
                var captured = min(original, bodyEnd - 12)
                if interface.snapLength > 0 { captured = min(captured, interface.snapLength) }
                let frame = CapturedFrame(
                    index: packetIndex, fileOffset: offset, timestampNanoseconds: 0, linkType: interface.linkType,
                    originalLength: original, bytes: block.slice(12, length: captured))
                if !body(frame) { return }
                packetIndex += 1
            default:
                break  // statistics, name resolution, custom and unknown blocks: skipped by length
            }
            offset += length
            blockIndex += 1
        }
    }

    private static func short(_ what: String, _ index: Int, _ offset: Int, _ length: Int, _ minimum: Int)
        -> PacketCaptureError
    {
        .malformedRecord(
            recordIndex: index, offset: offset,
            reason: "\(what) block of \(length) bytes is shorter than its fixed fields (\(minimum) bytes)")
    }
}
