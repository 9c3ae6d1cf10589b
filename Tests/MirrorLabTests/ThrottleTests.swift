import EC2Query
import Foundation
import Synchronization
import Testing

@testable import MirrorLab

/// Throttling with an injected clock: the admitted rate must match EC2's token buckets within 5%.
@Suite struct ThrottleTests {
    /// (action, bucket, refill/s) from reliability.md (b).
    static let buckets: [(String, Double, Double)] = [
        ("CreateTrafficMirrorFilter", 50, 5), ("ModifyTrafficMirrorSession", 50, 5),
        ("DeleteTrafficMirrorTarget", 50, 5),
        ("DescribeTrafficMirrorSessions", 100, 20), ("DescribeTrafficMirrorFilters", 100, 20),
        ("DescribeInstances", 50, 10), ("DescribeNetworkInterfaces", 50, 10),
    ]

    @Test(arguments: buckets, [1.0, 10.0])
    func bucketAdmitsBurstPlusRefill(_ bucket: (String, Double, Double), _ scale: Double) {
        var policy = ThrottlePolicy(scale: scale)
        // Offer 200 requests/s for 60 s: far above every refill rate.
        var admitted = 0.0
        for tick in 0..<(200 * 60) where policy.admit(action: bucket.0, now: Double(tick) / 200) { admitted += 1 }
        let expected = bucket.1 + bucket.2 * scale * 60
        #expect(abs(admitted - expected) / expected <= 0.05, "admitted \(admitted), expected \(expected)")
    }

    @Test func belowTheRefillRateNothingIsThrottled() {
        var policy = ThrottlePolicy()
        var admitted = 0
        for tick in 0..<600 where policy.admit(action: "CreateTrafficMirrorFilter", now: Double(tick) / 4) {
            admitted += 1
        }
        #expect(admitted == 600)  // 4/s < 5/s
    }

    @Test func bucketsArePerAction() {
        var policy = ThrottlePolicy()
        for _ in 0..<50 { _ = policy.admit(action: "CreateTrafficMirrorFilter", now: 0) }
        let sameAction = policy.admit(action: "CreateTrafficMirrorFilter", now: 0)
        let otherAction = policy.admit(action: "CreateTrafficMirrorTarget", now: 0)
        #expect(!sameAction)
        #expect(otherAction)
    }

    /// The dispatcher: requests through `LabService` with a fake clock; over-limit answers are HTTP 503
    /// RequestLimitExceeded, and the admitted count matches the bucket within 5%.
    @Test func serviceAnswersRequestLimitExceeded() throws {
        let now = Mutex(0.0)
        let service = LabService(state: LabState(), options: .init(throttle: true), clock: { now.withLock { $0 } })
        var admitted = 0
        var throttled = 0
        for tick in 0..<(100 * 30) {
            now.withLock { $0 = Double(tick) / 100 }
            let request = HTTPRequest(
                method: "POST", url: URL(string: "http://127.0.0.1/")!,
                body: Data("Action=CreateTrafficMirrorFilter&Version=2016-11-15".utf8))
            guard case .respond(let response) = service.handle(request) else {
                Issue.record("dropped")
                return
            }
            if response.status == 200 {
                admitted += 1
            } else {
                #expect(response.status == 503)
                #expect(String(decoding: response.body, as: UTF8.self).contains("<Code>RequestLimitExceeded</Code>"))
                throttled += 1
            }
        }
        let expected = 50.0 + 5 * 30
        #expect(abs(Double(admitted) - expected) / expected <= 0.05, "admitted \(admitted)")
        #expect(service.stats.throttled == throttled)
        #expect(service.stats.requests["CreateTrafficMirrorFilter"] == 3000)
    }
}
