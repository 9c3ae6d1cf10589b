/// A network in CIDR notation, held in normal form: host bits zero, canonical text (`10.0.0.0/8`,
/// `2001:db8::/32`). Desired and live rules compare by this value, never by the text they were written in.
public struct CIDRBlock: Hashable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int

    public var family: IPAddress.Family { address.family }
    public var description: String { "\(address)/\(prefixLength)" }

    /// Why a text is not a CIDR block; `hostBitsSet` carries the network the user probably meant.
    public enum ParseError: Error, Hashable, Sendable {
        case missingPrefixLength
        case invalidAddress
        case invalidPrefixLength(maximum: Int)
        case hostBitsSet(network: CIDRBlock)
    }

    /// Parses `address/prefix`; host bits must be zero (AWS would normalise them and the plan would never settle).
    public static func parse(_ text: some StringProtocol) -> Result<CIDRBlock, ParseError> {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .failure(.missingPrefixLength) }
        guard let address = IPAddress(parts[0]) else { return .failure(.invalidAddress) }
        guard (1...3).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
            parts[1] == "0" || parts[1].first != "0",
            let prefix = Int(parts[1]), prefix <= address.bitWidth
        else { return .failure(.invalidPrefixLength(maximum: address.bitWidth)) }
        let network = CIDRBlock(uncheckedNetworkOf: address, prefixLength: prefix)
        guard network.address == address else { return .failure(.hostBitsSet(network: network)) }
        return .success(network)
    }

    /// The network containing `address` (host bits cleared).
    public init(uncheckedNetworkOf address: IPAddress, prefixLength: Int) {
        var bytes = address.bytes
        for index in bytes.indices {
            let bitsBefore = index * 8
            if bitsBefore >= prefixLength {
                bytes[index] = 0
            } else if bitsBefore + 8 > prefixLength {
                bytes[index] &= UInt8(truncatingIfNeeded: 0xff << (8 - (prefixLength - bitsBefore)))
            }
        }
        // The byte count is 4 or 16 because it came from an IPAddress.
        self.address = IPAddress(bytes: bytes) ?? address
        self.prefixLength = prefixLength
    }

    /// True when every address of `other` is inside this block.
    public func contains(_ other: CIDRBlock) -> Bool {
        guard family == other.family, prefixLength <= other.prefixLength else { return false }
        return CIDRBlock(uncheckedNetworkOf: other.address, prefixLength: prefixLength) == self
    }
}
