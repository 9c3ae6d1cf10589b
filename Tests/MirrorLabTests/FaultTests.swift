import EC2Query
import Foundation
import Synchronization
import Testing

@testable import MirrorLab

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct FaultTests {
    @Test(arguments: [0.0, 0.05, 0.3])
    func faultRateMatches(_ rate: Double) {
        var plan = FaultPlan(rate: rate, seed: 7)
        var counts: [Fault: Int] = [:]
        for _ in 0..<20_000 { counts[plan.next(), default: 0] += 1 }
        let failed = Double(20_000 - counts[.none, default: 0]) / 20_000
        #expect(abs(failed - rate) <= 0.01)
        if rate > 0 {
            // All three kinds occur, roughly a third each.
            for kind in [Fault.internalError, .serviceUnavailable, .dropConnection] {
                let share = Double(counts[kind, default: 0]) / (rate * 20_000)
                #expect(share > 0.25 && share < 0.42, "\(kind): \(share)")
            }
        }
    }

    /// Over real sockets with every request failing: the client sees 500/503 EC2 errors or a reset connection.
    @Test func servedFailuresReachTheClient() throws {
        let service = LabService(state: LabState(), options: .init(failRate: 1, seed: 3), clock: { 0 })
        let server = try LabServer(service: service, port: 0)
        server.start()
        defer { server.stop() }
        var statuses: [String] = []
        var dropped = 0
        for _ in 0..<30 {
            switch RawHTTPClient.exchange(
                port: server.port, RawHTTPClient.post("Action=DescribeTrafficMirrorTargets&Version=2016-11-15"))
            {
            case .reset: dropped += 1
            case .answered(let text):
                statuses.append(String(text.prefix(12)))
                #expect(text.contains("<Code>InternalError</Code>") || text.contains("<Code>ServiceUnavailable</Code>"))
            }
        }
        #expect(dropped > 0)
        #expect(statuses.contains("HTTP/1.1 500") && statuses.contains("HTTP/1.1 503"))
        #expect(statuses.allSatisfy { $0 == "HTTP/1.1 500" || $0 == "HTTP/1.1 503" })
        #expect(service.stats.droppedConnections == dropped)
        #expect(service.stats.injectedFailures == statuses.count)
    }

    /// `--latency` delays each answer through the injected sleep (no real waiting in the test).
    @Test func latencyIsAppliedPerAnswer() async throws {
        let slept = Mutex<[Duration]>([])
        let server = try LabServer(
            service: LabService(state: LabState(), clock: { 0 }), port: 0, latency: .milliseconds(50),
            sleep: { duration in slept.withLock { $0.append(duration) } })
        server.start()
        defer { server.stop() }
        for _ in 0..<3 {
            var request = URLRequest(url: URL(string: server.url)!)
            request.httpMethod = "POST"
            request.httpBody = Data("Action=DescribeTrafficMirrorFilters&Version=2016-11-15".utf8)
            _ = try await URLSession.shared.data(for: request)
        }
        #expect(slept.withLock { $0 } == Array(repeating: .milliseconds(50), count: 3))
    }

    @Test func statsEndpointCountsByAction() async throws {
        let service = LabService(state: LabState(), clock: { 0 })
        let server = try LabServer(service: service, port: 0)
        server.start()
        defer { server.stop() }
        for action in ["DescribeTrafficMirrorFilters", "DescribeTrafficMirrorFilters", "Nope"] {
            var request = URLRequest(url: URL(string: server.url)!)
            request.httpMethod = "POST"
            request.httpBody = Data("Action=\(action)&Version=2016-11-15".utf8)
            _ = try await URLSession.shared.data(for: request)
        }
        let (data, response) = try await URLSession.shared.data(from: URL(string: server.url + "/_lab/stats")!)
        #expect((response as! HTTPURLResponse).statusCode == 200)
        let stats = try JSONDecoder().decode(LabStats.self, from: data)
        #expect(stats.requests == ["DescribeTrafficMirrorFilters": 2, "Nope": 1])
        #expect(stats.errors == ["InvalidAction": 1])
    }
}
