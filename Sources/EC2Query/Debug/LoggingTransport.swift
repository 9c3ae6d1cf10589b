import Foundation

/// A transport that logs each exchange through an `HTTPExchangeLogger` and passes it on unchanged.
public struct LoggingTransport: HTTPTransport {
    let base: any HTTPTransport
    let logger: HTTPExchangeLogger

    public init(wrapping base: any HTTPTransport, logger: HTTPExchangeLogger) {
        self.base = base
        self.logger = logger
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        logger.log(request: request)
        do {
            let response = try await base.send(request)
            logger.log(response: response, for: request)
            return response
        } catch {
            logger.log(failure: error, for: request)
            throw error
        }
    }
}
