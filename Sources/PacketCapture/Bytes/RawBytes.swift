/// A read-only view of bytes that lives only as long as its owner (a mapped file, a receive buffer).
///
/// Reads are unchecked for speed: every caller checks `count` before it reads (the decoders check once
/// per header). Debug builds assert the bounds, so the fuzz tests catch a missed check.
public struct RawBytes {
    public let base: UnsafeRawPointer
    public let count: Int

    @inlinable
    public init(base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
    }

    @inlinable
    public init(_ buffer: UnsafeRawBufferPointer) {
        // An empty buffer may have a nil base; point at a static byte so reads stay well-defined.
        self.base = buffer.baseAddress ?? RawBytes.emptyBase
        self.count = buffer.baseAddress == nil ? 0 : buffer.count
    }

    @usableFromInline
    nonisolated(unsafe) static let emptyBase: UnsafeRawPointer = UnsafeRawPointer(
        UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16))

    @inlinable @inline(__always)
    public func u8(_ offset: Int) -> UInt8 {
        assert(offset >= 0 && offset < count, "read past the end")
        return base.load(fromByteOffset: offset, as: UInt8.self)
    }

    @inlinable @inline(__always)
    public func u16be(_ offset: Int) -> UInt16 {
        assert(offset >= 0 && offset + 2 <= count, "read past the end")
        return UInt16(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inlinable @inline(__always)
    public func u32be(_ offset: Int) -> UInt32 {
        assert(offset >= 0 && offset + 4 <= count, "read past the end")
        return UInt32(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inlinable @inline(__always)
    public func u64be(_ offset: Int) -> UInt64 {
        assert(offset >= 0 && offset + 8 <= count, "read past the end")
        return UInt64(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// A 16- or 32-bit field in a file whose byte order was learnt from its magic number.
    @inlinable @inline(__always)
    public func u16(_ offset: Int, bigEndian: Bool) -> UInt16 {
        assert(offset >= 0 && offset + 2 <= count, "read past the end")
        let raw = base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return bigEndian ? UInt16(bigEndian: raw) : UInt16(littleEndian: raw)
    }

    @inlinable @inline(__always)
    public func u32(_ offset: Int, bigEndian: Bool) -> UInt32 {
        assert(offset >= 0 && offset + 4 <= count, "read past the end")
        let raw = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return bigEndian ? UInt32(bigEndian: raw) : UInt32(littleEndian: raw)
    }

    /// The bytes from `offset` on (clamped to what exists).
    @inlinable @inline(__always)
    public func suffix(from offset: Int) -> RawBytes {
        let start = min(max(offset, 0), count)
        return RawBytes(base: base + start, count: count - start)
    }

    /// At most `length` bytes from `offset` (clamped to what exists).
    @inlinable @inline(__always)
    public func slice(_ offset: Int, length: Int) -> RawBytes {
        let start = min(max(offset, 0), count)
        return RawBytes(base: base + start, count: min(max(length, 0), count - start))
    }

    public var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
