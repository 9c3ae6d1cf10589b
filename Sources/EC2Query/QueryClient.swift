import Foundation

/// The shell around one Query-protocol service: sign → send → classify → retry → decode.
/// Everything it decides comes from pure parts (signer, encoder, decoder, classifier, backoff).
public struct QueryClient: Sendable {
    public let service: QueryService
    let transport: any HTTPTransport
    let credentials: any CredentialProvider
    let retry: RetryController
    let environment: ClientEnvironment
    let logger: HTTPExchangeLogger?

    public init(
        service: QueryService, transport: any HTTPTransport, credentials: any CredentialProvider,
        retry: RetryController, environment: ClientEnvironment, logger: HTTPExchangeLogger? = nil
    ) {
        self.service = service
        self.transport = logger.map { LoggingTransport(wrapping: transport, logger: $0) } ?? transport
        self.credentials = credentials
        self.retry = retry
        self.environment = environment
        self.logger = logger
    }

    /// Calls `request.action` and returns the response's root element; throws `EC2ServiceError`,
    /// `EC2ClientError` or `CredentialError` after retries are exhausted.
    public func call(_ request: QueryRequest) async throws -> XMLNode {
        var attempt = 1
        var lastCost: Int?
        while true {
            let pause = await retry.delayBeforeSending()
            if pause > 0 { try await environment.sleeper.sleep(seconds: pause) }
            do {
                let root = try await attemptOnce(request, attempt: attempt)
                await retry.recordSuccess(lastRetryCost: lastCost)
                return root
            } catch {
                guard let decision = await retry.retryDecision(after: error, attempt: attempt) else { throw error }
                logger?.note(
                    "retrying \(request.action) in \(String(format: "%.3f", decision.delay))s after attempt \(attempt): \(error)"
                )
                try await environment.sleeper.sleep(seconds: decision.delay)
                lastCost = decision.cost
                attempt += 1
            }
        }
    }

    func attemptOnce(_ query: QueryRequest, attempt: Int) async throws -> XMLNode {
        let resolved: ResolvedCredentials
        if let chain = credentials as? CredentialChain {
            resolved = try await chain.credentials()
        } else if let found = try await credentials.resolve() {
            resolved = found
        } else {
            throw CredentialError.none(tried: [credentials.description])
        }
        let unsigned = HTTPRequest(
            method: "POST", url: service.endpoint,
            headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")],
            body: Data(query.formBody.utf8))
        let signer = SigV4Signer(region: service.region, service: service.signingName)
        let signed = signer.sign(unsigned, credentials: resolved.credentials, date: environment.now())
        let response: HTTPResponse
        do {
            response = try await transport.send(signed)
        } catch let error as URLError where error.code == .timedOut {
            throw EC2ClientError.timeout(action: query.action, error.localizedDescription)
        } catch let error as HTTPConnectionError where error.kind == .timedOut {
            throw EC2ClientError.timeout(action: query.action, error.description)
        } catch let error as EC2ClientError {
            throw error
        } catch {
            throw EC2ClientError.transport(action: query.action, "\(error)")
        }
        do {
            return try EC2ResponseDecoder.decode(action: query.action, response: response)
        } catch var error as EC2ServiceError {
            if error.code.isCredentialProblem { error.credentials = resolved.identity }
            throw error
        }
    }
}
