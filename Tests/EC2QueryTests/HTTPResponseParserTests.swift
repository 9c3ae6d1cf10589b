import Foundation
import Testing

@testable import EC2Query

@Suite struct HTTPResponseParserTests {
    static func parse(_ text: String, closed: Bool = false, method: String = "POST") -> HTTPResponseParser.Outcome {
        HTTPResponseParser.parse(Array(text.utf8), closed: closed, method: method)
    }

    @Test(
        "complete answers: Content-Length, chunked (with extensions and trailers), until close, 1xx skipped",
        arguments: [
            ("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false, "hello"),
            (
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nhel\r\n2\r\nlo\r\n0\r\nT: v\r\n\r\n",
                false, "hello"
            ),
            ("HTTP/1.1 200 OK\r\n\r\nhello", true, "hello"),
            ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false, "ok"),
            ("HTTP/1.0 503 Slow Down\r\ncontent-length: 0\r\n\r\n", false, ""),
        ])
    func complete(_ text: String, _ closed: Bool, _ body: String) throws {
        guard case .response(let response) = Self.parse(text, closed: closed) else {
            Issue.record("not a response: \(Self.parse(text, closed: closed))")
            return
        }
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    @Test(
        "partial answers wait for more while the connection is open",
        arguments: [
            "", "HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", "HTTP/1.1 200 OK\r\n\r\nuntil close",
        ])
    func partial(_ text: String) {
        #expect(Self.parse(text) == .needMore)
        if case .invalid = Self.parse(text, closed: true) {
        } else if text.hasSuffix("until close") {
        } else {
            Issue.record("closing after a partial answer must be an error: \(text)")
        }
    }

    @Test(
        "malformed answers are reasons, not traps",
        arguments: [
            "hello, not http\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n",
            "HTTP/1.1 200 OK\r\n: no name\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXX",
        ])
    func malformed(_ text: String) {
        guard case .invalid(let reason) = Self.parse(text) else {
            Issue.record("accepted: \(text)")
            return
        }
        #expect(!reason.isEmpty)
    }

    /// Mutations of a valid answer (flipped, dropped, repeated bytes; truncations) never trap or loop.
    @Test func mutationsNeverTrap() {
        let valid = Array(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(bytes[index], at: index)
                default: bytes = Array(bytes.prefix(index))
                }
                if bytes.isEmpty { break }
            }
            for closed in [false, true] { _ = HTTPResponseParser.parse(bytes, closed: closed, method: "POST") }
        }
    }
}
