import Foundation
import Testing

@testable import EC2Query

/// Garbage never traps or hangs: every bad body becomes a typed error with a snippet.
@Suite struct HostileBodyTests {
    static let bodies: [(String, String)] = [
        ("empty", ""),
        ("whitespace", "  \n "),
        (
            "html 500",
            "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>"
        ),
        (
            "html doctype",
            "<!DOCTYPE html><html><body>NotImplementedError: The create_traffic_mirror_session action has not been implemented"
        ),
        ("mismatched tags", "<a><b></a>"),
        ("unterminated", "<DescribeTrafficMirrorSessionsResponse><requestId>r"),
        ("trailing element", "<a/><b/>"),
        ("json", "{\"message\": \"nope\"}"),
        ("binary", String(decoding: [0, 1, 2, 0xFF, 0xFE, 60, 62], as: UTF8.self)),
        ("deep", String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)),
        (
            "entity bomb",
            "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><x>&c;</x>"
        ),
    ]

    @Test("a bad body is reported, not crashed on", arguments: bodies.map(\.0))
    func badBody(name: String) async throws {
        let body = try #require(Self.bodies.first { $0.0 == name }?.1)
        let transport = ScriptedTransport(xml: body, status: 200)
        let error = try await #require(throws: EC2ClientError.self) {
            try await TestClients.ec2(transport).describeTrafficMirrorSessions()
        }
        #expect(error.description.contains("DescribeTrafficMirrorSessions failed"))
    }

    @Test("an HTML error page from an emulator is reported with a snippet and the status")
    func htmlErrorSnippet() async throws {
        let html = "<html><body><h1>500</h1>\n<p>NotImplementedError: create_traffic_mirror_session</p></body></html>"
        let transport = ScriptedTransport(xml: html, status: 500)
        let client = TestClients.ec2(transport, retry: RetryConfiguration(maxAttempts: 1))
        let error = try await #require(throws: EC2ClientError.self) {
            try await client.createTrafficMirrorSession(
                CreateTrafficMirrorSessionInput(
                    networkInterfaceID: "eni-1", targetID: "tmt-1", filterID: "tmf-1", sessionNumber: 1))
        }
        #expect(error.description.contains("HTTP 500"))
        #expect(error.description.contains("NotImplementedError: create_traffic_mirror_session"))
        #expect(error.description.contains("CreateTrafficMirrorSession"))
    }

    @Test("the Linux XMLParser quirk: malformed XML is an error even though parse() returns true")
    func malformedIsError() {
        #expect(throws: XMLDecodingError.self) { try XMLDocumentParser.parse(Data("<a><b></a>".utf8)) }
        #expect(throws: XMLDecodingError.empty) { try XMLDocumentParser.parse(Data()) }
        #expect(throws: XMLDecodingError.tooDeep(limit: XMLDocumentParser.maximumDepth)) {
            try XMLDocumentParser.parse(
                Data((String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)).utf8))
        }
    }

    @Test("a success body missing its payload element is a typed error")
    func missingElement() async throws {
        let transport = ScriptedTransport(
            xml: "<CreateTrafficMirrorFilterResponse><requestId>r</requestId></CreateTrafficMirrorFilterResponse>")
        let error = try await #require(throws: EC2ClientError.self) {
            try await TestClients.ec2(transport).createTrafficMirrorFilter(CreateTrafficMirrorFilterInput())
        }
        #expect(error.description.contains("<trafficMirrorFilter>"))
    }
}
