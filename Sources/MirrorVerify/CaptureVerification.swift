import PacketCapture

/// Runs checks over a capture file: the thin I/O shell around `VerificationTally`.
public enum CaptureVerification {
    /// Reads `path` (pcap or pcapng), counts every frame against `checks`, and optionally writes the decapsulated
    /// inner frames of every VXLAN packet to `innerPath` as pcap. `progress` is called every 2^20 frames.
    public static func verify(
        capturePath path: String, checks: [VerificationCheck], innerPath: String? = nil,
        progress: ((_ frames: Int, _ matched: Int) -> Void)? = nil
    ) throws(PacketCaptureError) -> VerificationReport {
        let file = try CaptureFile(path: path)
        var tally = VerificationTally(checks: checks)
        let writer = try innerPath.map { path throws(PacketCaptureError) in try PcapWriter(path: path) }
        var writeError: PacketCaptureError?
        try file.forEachFrame { frame in
            tally.observe(frame: frame.bytes, linkType: frame.linkType)
            if let writer, tally.lastPacket.tunnel == .vxlan {
                let inner = frame.bytes.suffix(from: tally.lastPacket.innerFrameOffset)
                do throws(PacketCaptureError) {
                    try writer.write(
                        inner, originalLength: inner.count + max(frame.originalLength - frame.bytes.count, 0),
                        timestampNanoseconds: frame.timestampNanoseconds)
                } catch {
                    writeError = error
                    return false
                }
            }
            if let progress, frame.index & 0xf_ffff == 0xf_ffff { progress(frame.index + 1, tally.matchedPackets) }
            return true
        }
        if let writeError { throw writeError }
        try writer?.close()
        return tally.report()
    }
}
