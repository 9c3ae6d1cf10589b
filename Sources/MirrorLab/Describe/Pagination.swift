import Foundation

/// `MaxResults` (5–1000) and an opaque `NextToken` over a list in creation order. The token is base64 of
/// the action and the next offset, so a token from another call or a forged one is rejected.
struct Pagination: Sendable {
    var offset: Int
    var limit: Int?
    var action: String

    init(_ p: QueryParameters, action: String, ids: Bool, range: ClosedRange<Int> = 5...1000) throws(LabError) {
        self.action = action
        if let max = try p.int("MaxResults") {
            guard range.contains(max) else {
                throw LabError.invalidValue(
                    "MaxResults", String(max),
                    "Expecting a value from \(range.lowerBound) to \(range.upperBound).")
            }
            // EC2 states this for DescribeInstances/NetworkInterfaces; for the traffic-mirror calls it is
            // [unverified], and the lab takes the strict reading there too.
            if ids {
                throw LabError.combination(
                    "The parameter MaxResults cannot be used with the parameter for resource IDs; page through all resources or ask for IDs."
                )
            }
            limit = max
        }
        offset = 0
        if let token = p["NextToken"] {
            guard let decoded = Data(base64Encoded: token).flatMap({ String(data: $0, encoding: .utf8) }),
                case let parts = decoded.split(separator: "|"), parts.count == 2, parts[0] == action,
                let start = Int(parts[1]), start >= 0
            else {
                throw LabError(
                    code: "InvalidNextToken",
                    message:
                        "The token '\(token.prefix(80))' is invalid; pass the nextToken of the previous page of this call."
                )
            }
            offset = start
        }
    }

    /// The page and the token for the next one (nil when this is the last page).
    func page<T>(_ items: [T]) -> (items: [T], nextToken: String?) {
        let start = min(offset, items.count)
        guard let limit else { return (Array(items[start...]), nil) }
        let end = min(start + limit, items.count)
        let next = end < items.count ? Data("\(action)|\(end)".utf8).base64EncodedString() : nil
        return (Array(items[start..<end]), next)
    }
}
