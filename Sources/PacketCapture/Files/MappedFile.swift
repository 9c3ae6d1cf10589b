#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole file mapped read-only. Pages already read are handed back with `release(before:)`, so reading a
/// capture of any size keeps a constant resident set.
public final class MappedFile: @unchecked Sendable {
    // @unchecked: the mapping is read-only and never changes after init; release() only drops cached pages.
    public let path: String
    public let bytes: RawBytes
    private let mapping: UnsafeMutableRawPointer?
    private var releasedUpTo = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    public init(path: String) throws(PacketCaptureError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .cannotOpen(path: path, reason: "not a regular file; save the capture to a file first")
        }
        let size = Int(info.st_size)
        if size == 0 {
            mapping = nil
            bytes = RawBytes(UnsafeRawBufferPointer(start: nil, count: 0))
            return
        }
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        _ = madvise(pointer, size, MADV_SEQUENTIAL)
        mapping = pointer
        bytes = RawBytes(base: UnsafeRawPointer(pointer), count: size)
    }

    /// Drops the cached pages before `offset` from this process (they stay in the page cache).
    public func release(before offset: Int) {
        guard let mapping else { return }
        let end = (min(offset, bytes.count) / Self.pageSize) * Self.pageSize
        guard end > releasedUpTo else { return }
        _ = madvise(mapping + releasedUpTo, end - releasedUpTo, MADV_DONTNEED)
        releasedUpTo = end
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}
