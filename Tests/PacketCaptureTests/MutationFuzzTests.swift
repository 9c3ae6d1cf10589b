import Foundation
import PacketCapture
import Testing

/// Random mutations of every fixture through the readers and decoders: no trap, no hang. The RawBytes bounds
/// assertions are live in debug builds, so a read past the end fails here.
/// `MIRRORPLAN_FUZZ_CASES` sets the number of cases (CI: 20,000; a long run: 1,000,000);
/// `MIRRORPLAN_FUZZ_SEED` the seed.
@Suite struct MutationFuzzTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static let linkTypes: [LinkType] = [.ethernet, .linuxSLL, .linuxSLL2, .raw]

    /// Half the cases change bytes in place past the file header (the container stays readable and the
    /// packet decoders get the damage); the other half also cut, insert and duplicate (the readers get it).
    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let inPlace = Bool.random(using: &rng) && bytes.count > 24
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            guard !bytes.isEmpty else {
                bytes = [UInt8.random(in: 0...255, using: &rng)]
                continue
            }
            let at = Int.random(in: (inPlace ? 24 : 0)..<bytes.count, using: &rng)
            switch Int.random(in: 0..<(inPlace ? 3 : 7), using: &rng) {
            case 0: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            case 1: bytes[at] = [0, 0xff, 0x7f, 0x80, 0x08, 0x11, 0x45, 0x06][Int.random(in: 0..<8, using: &rng)]
            case 2 where inPlace:
                let value = UInt32.random(in: 0...UInt32.max, using: &rng)
                for i in 0..<4 where at + i < bytes.count {
                    bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * i))
                }
            case 2: bytes.removeSubrange(at...)
            case 3:
                bytes.insert(
                    contentsOf: (0..<Int.random(in: 1...16, using: &rng)).map { _ in
                        UInt8.random(in: 0...255, using: &rng)
                    }, at: at)
            case 4:
                let value = UInt32.random(in: 0...UInt32.max, using: &rng)
                for i in 0..<4 where at + i < bytes.count {
                    bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * i))
                }
            case 5:
                let end = min(bytes.count, at + Int.random(in: 1...64, using: &rng))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &rng))
            default: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...32, using: &rng)))
            }
        }
        return bytes
    }

    @Test("random mutations of the fixtures never trap or hang the readers and decoders")
    func mutations() throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["MIRRORPLAN_FUZZ_CASES"].flatMap(Int.init) ?? 20_000
        let seed = environment["MIRRORPLAN_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x6d69_7272_6f72
        let directory = FixtureFile.url("").path
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        let fixtures = try names.map { try FixtureFile.bytes($0) }
        #expect(fixtures.count >= 15)
        var rng = SplitMix64(state: seed)
        var frames = 0
        var errors = 0
        var tunnels = 0
        var anomalies = 0
        let started = Date()
        for _ in 0..<cases {
            let mutated = Self.mutate(fixtures[Int.random(in: 0..<fixtures.count, using: &rng)], &rng)
            mutated.withUnsafeBytes { raw in
                let bytes = RawBytes(raw)
                do throws(PacketCaptureError) {
                    try CaptureFile.forEachFrame(in: bytes) { frame in
                        let packet = PacketDecoder.decode(frame.bytes, linkType: frame.linkType)
                        frames += 1
                        if packet.tunnel == .vxlan { tunnels += 1 }
                        if packet.anomaly != .none { anomalies += 1 }
                        return frames < 10_000_000
                    }
                } catch {
                    errors += 1
                    _ = error.description
                }
                // The same bytes as one frame of every link type.
                for linkType in Self.linkTypes {
                    _ = PacketDecoder.decode(bytes.suffix(from: 24), linkType: linkType)
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print(
            "fuzz: \(cases) cases (seed \(seed)) in \(String(format: "%.1f", seconds)) s: \(frames) frames, "
                + "\(tunnels) VXLAN, \(anomalies) anomalies, \(errors) typed errors")
        // The mutations must reach both outcomes, or the test proves nothing.
        #expect(frames > cases)
        #expect(errors > cases / 20)
        #expect(tunnels > 0 && anomalies > 0)
    }
}
