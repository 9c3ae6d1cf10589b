#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IPv4 address as four octets.
struct IPv4Address: Sendable, Hashable {
    var value: UInt32

    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let octet = UInt8(part),
                part == "0" || !part.hasPrefix("0")
            else { return nil }
            value = value << 8 | UInt32(octet)
        }
        self.value = value
    }
}

/// An IPv4 or IPv6 CIDR block, parsed strictly (inet_pton for IPv6), with its family and host-bit check.
struct CIDRBlock: Sendable, Hashable {
    var bytes: [UInt8]
    var prefixLength: Int

    var isIPv4: Bool { bytes.count == 4 }

    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[1].count), parts[1].allSatisfy(\.isASCII),
            let length = Int(parts[1])
        else { return nil }
        let address = String(parts[0])
        if let v4 = IPv4Address(address) {
            guard (0...32).contains(length) else { return nil }
            bytes = [
                UInt8(v4.value >> 24), UInt8(v4.value >> 16 & 0xFF), UInt8(v4.value >> 8 & 0xFF),
                UInt8(v4.value & 0xFF),
            ]
        } else if address.contains(":"), address.utf8.count <= 45 {
            var raw = in6_addr()
            guard inet_pton(AF_INET6, address, &raw) == 1, (0...128).contains(length) else { return nil }
            bytes = withUnsafeBytes(of: &raw) { Array($0) }
        } else {
            return nil
        }
        prefixLength = length
    }

    /// True when no host bits are set (`10.0.0.0/8`, not `10.0.0.1/8`).
    var isNetworkAddress: Bool {
        for bit in prefixLength..<(bytes.count * 8) where bytes[bit / 8] & (0x80 >> UInt8(bit % 8)) != 0 {
            return false
        }
        return true
    }

    func contains(_ other: CIDRBlock) -> Bool {
        guard other.bytes.count == bytes.count, other.prefixLength >= prefixLength else { return false }
        return prefixMatches(other.bytes)
    }

    func contains(_ address: IPv4Address) -> Bool {
        guard isIPv4 else { return false }
        let v = address.value
        return prefixMatches([UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)])
    }

    private func prefixMatches(_ other: [UInt8]) -> Bool {
        for bit in 0..<prefixLength {
            let mask: UInt8 = 0x80 >> UInt8(bit % 8)
            if bytes[bit / 8] & mask != other[bit / 8] & mask { return false }
        }
        return true
    }
}
