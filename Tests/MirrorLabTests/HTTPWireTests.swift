import EC2Query
import Foundation
import Testing

@testable import MirrorLab

/// The hand-written HTTP/1.1 server: what real clients send (keep-alive, chunked, 100-continue) and garbage.
@Suite struct HTTPWireTests {
    static let describe = "Action=DescribeTrafficMirrorFilters&Version=2016-11-15"

    @Test func contentLengthBody() {
        guard
            case .request(let request, let consumed, let keepAlive) = HTTPRequestParser.parse(
                RawHTTPClient.post(Self.describe))
        else {
            Issue.record("not parsed")
            return
        }
        #expect(String(decoding: request.body, as: UTF8.self) == Self.describe)
        #expect(consumed == RawHTTPClient.post(Self.describe).count)
        #expect(!keepAlive)
    }

    @Test func chunkedBodyIsReassembled() {
        let bytes = Array(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nAction=\r\n1d;ext=1\r\nDescribeTrafficMirrorFilters\u{26}\r\n12\r\nVersion=2016-11-15\r\n0\r\n\r\n"
                .utf8)
        guard case .request(let request, let consumed, let keepAlive) = HTTPRequestParser.parse(bytes) else {
            Issue.record("not parsed: \(HTTPRequestParser.parse(bytes))")
            return
        }
        #expect(String(decoding: request.body, as: UTF8.self) == Self.describe)
        #expect(consumed == bytes.count)
        #expect(keepAlive)
    }

    @Test func expectContinueIsAnnouncedBeforeTheBody() {
        let head = Array("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n".utf8)
        #expect(HTTPRequestParser.parse(head) == .needMore(expectsContinue: true))
        #expect(
            HTTPRequestParser.parse(Array("POST / HTTP/1.1\r\nContent-Le".utf8)) == .needMore(expectsContinue: false))
    }

    @Test func servedExpectContinueAndKeepAlive() throws {
        let server = try LabServer(service: LabService(state: LabState(), clock: { 0 }), port: 0)
        server.start()
        defer { server.stop() }
        let head =
            "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: \(Self.describe.utf8.count)\r\n\r\n"
        // Two requests on one connection; the first waits for 100 Continue before sending its body.
        let second = String(decoding: RawHTTPClient.post(Self.describe), as: UTF8.self)
        let bytes = Array((head + Self.describe + second).utf8)
        guard case .answered(let text) = RawHTTPClient.exchange(port: server.port, bytes, pauseAfter: head.utf8.count)
        else {
            Issue.record("no answer")
            return
        }
        #expect(text.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"))
        #expect(text.components(separatedBy: "<DescribeTrafficMirrorFiltersResponse").count == 3)
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: -4\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "POST nothing HTTP/1.1\r\n\r\n",
        "POST / HTTP/1.1\r\nNoColon\r\n\r\n",
    ])
    func malformedRequestsAreRejected(_ text: String) {
        guard case .invalid(let status, let reason) = HTTPRequestParser.parse(Array(text.utf8)) else {
            Issue.record("accepted: \(text)")
            return
        }
        #expect((400...499).contains(status))
        #expect(!reason.isEmpty)
    }

    @Test func oversizedHeadersAreRejected() {
        let bytes = Array("POST / HTTP/1.1\r\nX: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 70_000)
        #expect(HTTPRequestParser.parse(bytes) == .invalid(status: 431, reason: "request headers exceed 65536 bytes"))
    }

    /// Seeded random bytes, as HTTP and as Query bodies: never a trap, always an answer or a clean rejection.
    @Test func hostileBytesNeverTrap() {
        var random = SplitMix64(seed: 42)
        var emulator = LabEmulator()
        let alphabet = Array(
            "Action=Version&.%+=1Filter.Name.Value2016-11-15TagSpecification.1.Tag\r\n:\u{0}\u{FF}".utf8)
        for _ in 0..<3000 {
            let length = Int(random.next() % 300)
            let bytes = (0..<length).map { _ in
                random.next() % 4 == 0
                    ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            _ = HTTPRequestParser.parse(Array("POST / HTTP/1.1\r\n".utf8) + bytes)
            let response = emulator.handle(body: Data(bytes))
            #expect(response.status >= 200 && response.status < 600)
            #expect(XMLProbe.isWellFormed(response.body), "\(response.body)")
        }
    }

    /// Every action with every key set to hostile text: answers are well-formed XML with EC2 error codes.
    @Test(arguments: LabAction.allCases)
    func hostileValuesGetEC2Errors(_ action: LabAction) {
        var emulator = LabEmulator()
        for value in ["", "\u{0}<x>&'\"", String(repeating: "9", count: 40), "-1", "tmt-zz", "🙂", "1e9"] {
            var parameters = ["Action": action.rawValue, "Version": "2016-11-15"]
            for (key, shape) in action.keys {
                switch shape {
                case .scalar: parameters[key] = value
                case .list: parameters["\(key).1"] = value
                case .structure: parameters["\(key).FromPort"] = value
                }
            }
            let response = emulator.handle(QueryParameters(parameters))
            #expect(XMLProbe.isWellFormed(response.body), "\(response.body)")
            #expect(response.status == 200 || response.errorCode != nil)
        }
    }
}
