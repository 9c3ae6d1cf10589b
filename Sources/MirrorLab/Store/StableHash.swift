/// FNV-1a, for IDs derived stably from names (topology instances, ENIs, subnets).
enum StableHash {
    static func hex17(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "0" + String(hash, radix: 16).leftPadded(to: 16)
    }
}

/// Zero-padding for hex IDs.
extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
