/// Shapes of the AWS identifiers a manifest may contain. AWS issues 8 (older) or 17 lower-case hex digits.
public enum AWSIdentifier {
    public static func isInstanceID(_ text: String) -> Bool { hasHexSuffix(text, prefix: "i-") }
    public static func isNetworkInterfaceID(_ text: String) -> Bool { hasHexSuffix(text, prefix: "eni-") }
    public static func isVPCEndpointID(_ text: String) -> Bool { hasHexSuffix(text, prefix: "vpce-") }

    /// `arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/net/<name>/<id>`
    public static func isNetworkLoadBalancerARN(_ text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "elasticloadbalancing",
            !parts[3].isEmpty, parts[4].count == 12, parts[4].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        let resource = parts[5].split(separator: "/", omittingEmptySubsequences: false)
        return resource.count == 4 && resource[0] == "loadbalancer" && resource[1] == "net"
            && !resource[2].isEmpty && !resource[3].isEmpty
    }

    /// The regular expressions the JSON Schema uses for the same shapes.
    public static let instanceIDPattern = "^i-([0-9a-f]{8}|[0-9a-f]{17})$"
    public static let networkInterfaceIDPattern = "^eni-([0-9a-f]{8}|[0-9a-f]{17})$"
    public static let vpcEndpointIDPattern = "^vpce-([0-9a-f]{8}|[0-9a-f]{17})$"
    public static let networkLoadBalancerARNPattern =
        "^arn:aws[a-z-]*:elasticloadbalancing:[^:]+:[0-9]{12}:loadbalancer/net/[^/]+/[^/]+$"

    static func hasHexSuffix(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let digits = text.utf8.dropFirst(prefix.utf8.count)
        return (digits.count == 8 || digits.count == 17)
            && digits.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            }
    }
}
