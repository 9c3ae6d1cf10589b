import Foundation
import Testing

@testable import EC2Query

@Suite struct RetryTests {
    static func serviceError(_ code: String, status: Int) -> EC2ServiceError {
        EC2ServiceError(action: "A", code: EC2ErrorCode(code), message: "", requestID: nil, httpStatus: status)
    }

    static let classification: [(String, Int, RetryKind?)] = [
        ("RequestLimitExceeded", 503, .throttling),
        ("EC2ThrottledException", 503, .throttling),
        ("Throttling", 400, .throttling),
        ("ThrottlingException", 400, .throttling),
        ("RequestTimeout", 400, .transient),
        ("InternalError", 500, .transient),
        ("ServiceUnavailable", 503, .transient),
        ("Unavailable", 502, .transient),
        ("Whatever", 504, .transient),
        ("InvalidParameterValue", 400, nil),
        ("AuthFailure", 401, nil),
        ("UnauthorizedOperation", 403, nil),
        ("InvalidTrafficMirrorSessionId.NotFound", 400, nil),
        ("IdempotentParameterMismatch", 400, nil),
    ]

    @Test("service errors are classified like botocore's standard mode", arguments: classification.indices)
    func classifiesServiceErrors(index: Int) {
        let (code, status, kind) = Self.classification[index]
        #expect(RetryClassifier.classify(Self.serviceError(code, status: status)) == kind)
    }

    @Test("client errors: connection failures and timeouts retry, bad bodies only on 5xx")
    func classifiesClientErrors() {
        #expect(RetryClassifier.classify(EC2ClientError.transport(action: "A", "refused")) == .transient)
        #expect(RetryClassifier.classify(EC2ClientError.timeout(action: "A", "slow")) == .timeout)
        #expect(
            RetryClassifier.classify(EC2ClientError.undecodableBody(action: "A", status: 502, reason: "", body: []))
                == .transient)
        #expect(
            RetryClassifier.classify(EC2ClientError.undecodableBody(action: "A", status: 200, reason: "", body: []))
                == nil)
        #expect(RetryClassifier.classify(CredentialError("x")) == nil)
    }

    @Test(
        "full-jitter backoff: random × min(2^(n-1), 20)",
        arguments: [
            (1, 1.0, 1.0), (2, 1.0, 2.0), (3, 0.5, 2.0), (5, 1.0, 16.0), (6, 1.0, 20.0), (40, 1.0, 20.0), (3, 0.0, 0.0),
        ])
    func backoff(attempt: Int, random: Double, expected: Double) {
        #expect(ExponentialBackoff.delay(afterAttempt: attempt, random: random) == expected)
    }

    @Test("the quota: 500 tokens, 5 per retry, 10 per timeout retry, refunds on success")
    func quota() {
        var quota = RetryQuota()
        #expect(quota.acquire(for: .throttling) == 5)
        #expect(quota.acquire(for: .timeout) == 10)
        #expect(quota.available == 485)
        quota.release(lastRetryCost: 10)
        quota.release(lastRetryCost: nil)
        #expect(quota.available == 496)
        for _ in 0..<99 { _ = quota.acquire(for: .transient) }
        #expect(quota.available == 1)
        #expect(quota.acquire(for: .transient) == nil)
        for _ in 0..<1000 { quota.release(lastRetryCost: nil) }
        #expect(quota.available == 500)
    }

    static let throttled = HTTPResponse(
        status: 503,
        body: Data(
            "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>t</RequestID></Response>"
                .utf8))
    static let ok = HTTPResponse(
        status: 200,
        body: Data(
            "<DeleteTrafficMirrorSessionResponse><requestId>r</requestId><trafficMirrorSessionId>tms-1</trafficMirrorSessionId></DeleteTrafficMirrorSessionResponse>"
                .utf8))

    @Test("throttling twice then success: 3 attempts, jittered sleeps, no real waiting")
    func retriesThenSucceeds() async throws {
        let sleeper = RecordingSleeper()
        let transport = ScriptedTransport([
            .respond(Self.throttled), .fail(URLError(.networkConnectionLost)), .respond(Self.ok),
        ])
        let client = TestClients.ec2(transport, environment: TestClients.environment(sleeper: sleeper, random: 0.5))
        // The waits went to the injected sleeper (recorded below), so nothing slept for real.
        #expect(try await client.deleteTrafficMirrorSession(id: "tms-1") == "tms-1")
        #expect(transport.sent.count == 3)
        #expect(sleeper.recorded == [0.5, 1.0])
        #expect(await client.query.retry.availableQuota == 495)  // -5 -5 +5
    }

    @Test("gives up after AWS_MAX_ATTEMPTS and returns the last error; a 4xx is never retried")
    func givesUp() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(Self.throttled), count: 5))
        let client = TestClients.ec2(transport, retry: RetryConfiguration(maxAttempts: 4))
        let error = try await #require(throws: EC2ServiceError.self) {
            try await client.deleteTrafficMirrorSession(id: "tms-1")
        }
        #expect(error.code == .requestLimitExceeded)
        #expect(transport.sent.count == 4)

        let bad = ScriptedTransport(
            xml:
                "<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>m</Message></Error></Errors></Response>",
            status: 400)
        _ = try? await TestClients.ec2(bad).deleteTrafficMirrorSession(id: "x")
        #expect(bad.sent.count == 1)
    }

    @Test("AWS_MAX_ATTEMPTS and AWS_RETRY_MODE are read and checked")
    func configuration() throws {
        #expect(try RetryConfiguration.from(environment: [:]) == RetryConfiguration(mode: .standard, maxAttempts: 3))
        #expect(
            try RetryConfiguration.from(environment: ["AWS_MAX_ATTEMPTS": "7", "AWS_RETRY_MODE": "adaptive"])
                == RetryConfiguration(mode: .adaptive, maxAttempts: 7))
        #expect(throws: AWSConfigurationError.self) {
            try RetryConfiguration.from(environment: ["AWS_MAX_ATTEMPTS": "0"])
        }
        #expect(throws: AWSConfigurationError.self) {
            try RetryConfiguration.from(environment: ["AWS_RETRY_MODE": "yolo"])
        }
    }

    @Test("adaptive mode: unthrottled until the first throttle, then it paces sends instead of failing")
    func adaptivePacing() {
        let clock = ManualClock(100)
        var limiter = AdaptiveRateLimiter(now: clock.now)
        // 20 quick successes: no pacing at all.
        for _ in 0..<20 {
            #expect(limiter.acquireToken(now: clock.now) == 0)
            limiter.record(throttled: false, now: clock.now)
            clock.advance(0.05)
        }
        #expect(!limiter.enabled)
        limiter.record(throttled: true, now: clock.now)
        #expect(limiter.enabled)
        let rateAfterThrottle = limiter.maxRate
        #expect(rateAfterThrottle < limiter.measuredRate)  // cut to β × measured rate
        // Back-to-back sends now have to wait: the waits add up to about n / rate.
        var waited = 0.0
        for _ in 0..<10 { waited += limiter.acquireToken(now: clock.now) }
        #expect(waited > 0)
        #expect(waited >= 9 / max(rateAfterThrottle, 0.5) - 1)
        // A second throttle lowers the rate further.
        clock.advance(waited)
        limiter.record(throttled: true, now: clock.now)
        #expect(limiter.maxRate < rateAfterThrottle)
        // Successes over time raise it again (CUBIC recovery, capped at twice the measured rate).
        let low = limiter.maxRate
        for _ in 0..<200 {
            clock.advance(0.05)
            limiter.record(throttled: false, now: clock.now)
        }
        #expect(limiter.maxRate > low)
    }

    @Test("adaptive client: after throttling, the next call is delayed by the rate limiter through the sleeper")
    func adaptiveClientDelays() async throws {
        let sleeper = RecordingSleeper()
        let clock = ManualClock(50)
        let transport = ScriptedTransport(
            Array(repeating: .respond(Self.ok), count: 10) + [
                .respond(Self.throttled), .respond(Self.ok), .respond(Self.ok), .respond(Self.ok),
            ])
        let client = TestClients.ec2(
            transport, retry: RetryConfiguration(mode: .adaptive, maxAttempts: 3),
            environment: TestClients.environment(sleeper: sleeper, clock: clock, random: 0))
        for _ in 0..<10 {
            _ = try await client.deleteTrafficMirrorSession(id: "tms-1")
            clock.advance(0.1)
        }
        #expect(sleeper.recorded.isEmpty)
        _ = try await client.deleteTrafficMirrorSession(id: "tms-1")  // throttled, then retried
        _ = try await client.deleteTrafficMirrorSession(id: "tms-1")
        _ = try await client.deleteTrafficMirrorSession(id: "tms-1")
        #expect(sleeper.recorded.contains { $0 > 0 })
        #expect(transport.sent.count == 14)
    }
}
