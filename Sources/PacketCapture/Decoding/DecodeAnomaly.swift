/// Why a frame could not be decoded to the end. Decoding never throws: a damaged frame is a counted anomaly.
public enum DecodeAnomaly: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case none
    case unsupportedLinkType
    case truncatedLinkHeader
    case tooManyVLANTags
    case truncatedIPHeader
    case malformedIPHeader
    case truncatedTransportHeader
    case truncatedVXLANHeader
    case truncatedInnerFrame

    public var description: String {
        switch self {
        case .none: "none"
        case .unsupportedLinkType: "unsupported link type"
        case .truncatedLinkHeader: "truncated link-layer header"
        case .tooManyVLANTags: "more than 4 VLAN tags"
        case .truncatedIPHeader: "truncated IP header"
        case .malformedIPHeader: "malformed IP header"
        case .truncatedTransportHeader: "truncated UDP/TCP/ICMP header"
        case .truncatedVXLANHeader: "truncated VXLAN header"
        case .truncatedInnerFrame: "truncated inner Ethernet header"
        }
    }
}
