import Foundation

/// The ordered chain: the first provider that answers wins; its credentials are cached and refreshed
/// `refreshMargin` before they expire. Concurrent callers share one refresh.
public actor CredentialChain: CredentialProvider {
    public nonisolated let providers: [any CredentialProvider]
    let now: @Sendable () -> Date
    let refreshMargin: TimeInterval
    private var cached: ResolvedCredentials?
    private var inFlight: Task<ResolvedCredentials, any Error>?

    public init(
        providers: [any CredentialProvider], now: @escaping @Sendable () -> Date, refreshMargin: TimeInterval = 600
    ) {
        self.providers = providers
        self.now = now
        self.refreshMargin = refreshMargin
    }

    public func resolve() async throws -> ResolvedCredentials? { try await credentials() }

    /// Cached credentials, refreshed when they are about to expire.
    public func credentials() async throws -> ResolvedCredentials {
        if let cached, !needsRefresh(cached) { return cached }
        if let inFlight { return try await inFlight.value }
        let providers = self.providers
        let task = Task { try await Self.firstAnswer(providers) }
        inFlight = task
        defer { inFlight = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }

    /// Drops the cache (after an auth failure that may mean rotated keys).
    public func invalidate() { cached = nil }

    func needsRefresh(_ resolved: ResolvedCredentials) -> Bool {
        guard let expiration = resolved.credentials.expiration else { return false }
        return expiration.timeIntervalSince(now()) < refreshMargin
    }

    static func firstAnswer(_ providers: [any CredentialProvider]) async throws -> ResolvedCredentials {
        for provider in providers {
            if let found = try await provider.resolve() { return found }
        }
        throw CredentialError.none(tried: providers.map(\.description))
    }

    public nonisolated var description: String {
        "credential chain (\(providers.map(\.description).joined(separator: ", ")))"
    }
}
