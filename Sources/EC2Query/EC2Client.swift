import Foundation

/// The EC2 API over the Query protocol: typed operations (in `Operations/`) on top of `QueryClient`.
public struct EC2Client: Sendable {
    public let query: QueryClient
    /// Page size for Describe calls that are drained page by page.
    public static let pageSize = 1000

    public init(query: QueryClient) { self.query = query }

    public var region: String { query.service.region }
    public var endpoint: URL { query.service.endpoint }

    /// One call; the response's root element.
    public func call(_ request: QueryRequest) async throws -> XMLNode { try await query.call(request) }

    /// Follows `nextToken` until the last page. `request(token)` builds each page's request.
    func paginate<Item>(
        action: String, request: (String?) -> QueryRequest, items: (XMLNode) -> [Item]
    ) async throws -> [Item] {
        var all: [Item] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            let root = try await call(request(token))
            all += items(root)
            token = root.string("nextToken").flatMap { $0.isEmpty ? nil : $0 }
            if let token, !seen.insert(token).inserted {
                throw EC2ClientError.missingElement(action: action, "nextToken (the server repeated token \(token))")
            }
        } while token != nil
        return all
    }

    /// A fresh idempotency token when the caller gave none (as the SDKs do).
    static func clientToken(_ given: String?) -> String { given ?? UUID().uuidString.lowercased() }

    func require(_ node: XMLNode?, action: String, _ path: String) throws -> XMLNode {
        guard let node else { throw EC2ClientError.missingElement(action: action, path) }
        return node
    }
}
