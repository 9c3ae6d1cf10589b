import PacketCapture

/// Runs checks over a live capture on one interface: the thin I/O shell around `VerificationTally`.
public enum LiveVerification {
    /// Captures on `interface` until `shouldStop()` returns true (asked about every 100 ms), counting every frame
    /// against `checks`; `progress(seen, matched)` is called after each poll tick. `ready` is called once the
    /// kernel is capturing, so traffic started from it (the prober) is not missed.
    public static func verify(
        interface: String, checks: [VerificationCheck], innerPath: String? = nil, ready: () -> Void = {},
        shouldStop: () -> Bool, progress: ((_ seen: Int, _ matched: Int) -> Void)? = nil
    ) throws -> VerificationReport {
        let capture = try LiveCapture(interface: interface)
        ready()
        var tally = VerificationTally(checks: checks)
        let writer = try innerPath.map { try PcapWriter(path: $0) }
        var writeError: (any Error)?
        try capture.run(
            shouldStop: {
                progress?(tally.summary.frames, tally.matchedPackets)
                return writeError != nil || shouldStop()
            },
            onFrame: { frame in
                tally.observe(frame: frame.bytes, linkType: frame.linkType)
                guard let writer, tally.lastPacket.tunnel == .vxlan, writeError == nil else { return }
                do {
                    try writer.write(
                        frame.bytes.suffix(from: tally.lastPacket.innerFrameOffset), originalLength: 0,
                        timestampNanoseconds: frame.timestampNanoseconds)
                } catch { writeError = error }
            })
        if let writeError { throw writeError }
        try writer?.close()
        return tally.report()
    }
}
