import Foundation
import MirrorPlanManifest
import MirrorPlanModel
import Testing

/// Input that is broken below the manifest level: every case is one clear diagnostic, never a trap or a hang.
@Suite struct HostileInputTests {
    private func load(_ text: String) -> ManifestLoadResult { ManifestLoader.load(text: text, file: "m.yaml") }

    private func codes(_ result: ManifestLoadResult) -> [String] { result.diagnostics.map(\.code) }

    private func position(_ diagnostic: Diagnostic?) -> [Int] {
        [diagnostic?.location?.line ?? 0, diagnostic?.location?.column ?? 0]
    }

    // MARK: Duplicate keys

    @Test func duplicateKeysAreAllReportedAtTheRepeatAlongsideOtherErrors() throws {
        let marked = MarkedText(
            """
            apiVersion: mirrorplan/v1
            stack: lab
            1️⃣stack: lab2
            sessions:
              s: { source: eni-0123456789abcdef0, target: t, 2️⃣target: u, filter: f, number: 1, vni: 3️⃣0 }

            """)
        let result = load(marked.text)
        let duplicates = result.diagnostics.filter { $0.code == ManifestDiagnosticCode.duplicateKey.rawValue }
        #expect(duplicates.map { position($0) } == [[3, 1], [5, 50]].map { $0 })
        #expect(marked.markers["1️⃣"]! == (3, 1) && marked.markers["2️⃣"]! == (5, 50))
        #expect(duplicates[0].message.contains("'stack'") && duplicates[0].message.contains("line 2, column 1"))
        #expect(duplicates[1].message.contains("'target'"))
        // The rest of the file was still checked.
        let vni = try #require(result.diagnostics.first { $0.code == ManifestDiagnosticCode.vniRange.rawValue })
        #expect(position(vni) == [marked.markers["3️⃣"]!.line, marked.markers["3️⃣"]!.column])
        #expect(result.state == nil)
    }

    @Test func aDuplicateThatCannotBeLocatedIsReportedAtItsFirstOccurrence() {
        // A flow mapping over several lines: the repeat is not searched for; the first occurrence is named.
        let result = load("apiVersion: mirrorplan/v1\nstack: lab\ntags: {\n  a: x,\n\n  b: y, a: z }\n")
        #expect(codes(result) == [ManifestDiagnosticCode.duplicateKey.rawValue])
        #expect(position(result.diagnostics.first) == [4, 3])
    }

    // MARK: Documents that are not manifests

    @Test(arguments: [
        ("- a\n- b\n", "a list"), ("just text\n", "a string"), ("42\n", "an integer"), ("~\n", "null"),
    ])
    func aDocumentThatIsNotAMappingIsOneError(text: String, typeName: String) {
        let result = load(text)
        #expect(codes(result) == [ManifestDiagnosticCode.notAMapping.rawValue])
        #expect(result.diagnostics.first?.message.contains("not \(typeName)") == true)
        #expect(position(result.diagnostics.first) == [1, 1])
    }

    @Test(arguments: ["", "\n\n", "   ", "# just a comment\n# and another\n", "---\n"])
    func anEmptyFileIsOneError(text: String) {
        let result = load(text)
        #expect(codes(result) == [ManifestDiagnosticCode.empty.rawValue])
        #expect(result.diagnostics.first?.message.contains("apiVersion: mirrorplan/v1") == true)
    }

    @Test func severalDocumentsAreOneError() {
        let result = load("apiVersion: mirrorplan/v1\nstack: a\n---\napiVersion: mirrorplan/v1\nstack: b\n")
        #expect(codes(result) == [ManifestDiagnosticCode.multipleDocuments.rawValue])
        #expect(result.diagnostics.first?.location?.line == 3)
    }

    @Test(arguments: [
        ("apiVersion: mirrorplan/v1\nstack: [lab\n", 3, 1),
        ("apiVersion: mirrorplan/v1\nstack: lab\n\ttargets: {}\n", 3, 1),
        ("apiVersion: mirrorplan/v1\nstack: \"lab\n", 3, 1),
        ("apiVersion: mirrorplan/v1\nstack: *nothing\n", 2, 8),
    ])
    func yamlSyntaxErrorsArePositioned(text: String, line: Int, column: Int) {
        let result = load(text)
        #expect(codes(result) == [ManifestDiagnosticCode.yamlSyntax.rawValue], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.location?.line == line)
        #expect(result.diagnostics.first?.message.hasPrefix("invalid YAML: ") == true)
        // The whole document never leaks into a message.
        #expect(result.diagnostics.allSatisfy { !$0.message.contains("apiVersion") })
    }

    @Test func controlCharactersAreASyntaxErrorWithAPosition() {
        let result = load("apiVersion: mirrorplan/v1\nstack: la\u{07}b\n")
        #expect(codes(result) == [ManifestDiagnosticCode.yamlSyntax.rawValue])
        #expect(position(result.diagnostics.first) == [2, 10])
    }

    // MARK: Bytes

    @Test(
        arguments: [
            (Array("apiVersion: mirrorplan/v1\nstack: l".utf8) + [0xFF] + Array("ab\n".utf8), 2, 9, "0xFF"),
            ([0xFF, 0xFE, 0x61, 0x00], 1, 1, "0xFF"),
            (Array("stack: caf".utf8) + [0xC3], 1, 11, "0xC3"),
            (Array("tags: { k: \"é".utf8) + [0xE9, 0x22], 1, 14, "0xE9"),
        ] as [([UInt8], Int, Int, String)])
    func bytesThatAreNotUTF8AreOneErrorAtTheFirstBadByte(bytes: [UInt8], line: Int, column: Int, byte: String) {
        let result = ManifestLoader.load(data: Data(bytes), file: "m.yaml")
        #expect(codes(result) == [ManifestDiagnosticCode.encoding.rawValue])
        #expect(position(result.diagnostics.first) == [line, column])
        #expect(result.diagnostics.first?.message.contains(byte) == true)
    }

    // MARK: Size and depth

    @Test func aFileOverTheSizeLimitIsRefusedWithoutParsing() {
        let data = Data(repeating: UInt8(ascii: "#"), count: ManifestLoader.maximumFileSize + 1)
        let result = ManifestLoader.load(data: data, file: "big.yaml")
        #expect(codes(result) == [ManifestDiagnosticCode.tooLarge.rawValue])
        #expect(result.diagnostics.first?.message.contains("at most \(ManifestLoader.maximumFileSize) bytes") == true)
    }

    @Test(arguments: [
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000),
        String(repeating: "- ", count: 10_000) + "x\n",
        (0..<1_500).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v\n",
        "stack: " + String(repeating: "[", count: 100_000),
    ])
    func deepNestingIsOneErrorNotACrash(text: String) {
        let result = load(text)
        #expect(codes(result) == [ManifestDiagnosticCode.tooDeep.rawValue], "\(result.diagnostics.prefix(3))")
        #expect(result.diagnostics.first?.message.contains("nested too deeply") == true)
    }

    @Test func aliasesThatExpandExponentiallyAreRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let result = load(text)
        #expect(codes(result) == [ManifestDiagnosticCode.tooLarge.rawValue])
        #expect(result.diagnostics.first?.message.contains("aliases") == true)
    }

    @Test func thousandsOfErrorsAreAllReported() {
        var text = "apiVersion: mirrorplan/v1\nstack: lab\nsessions:\n"
        for index in 0..<3000 {
            text += "  s\(index): { source: eni-xyz, target: t, filter: f, number: \(index + 1) }\n"
        }
        let result = load(text)
        // Per session: a bad ENI id, an unknown target and an unknown filter.
        #expect(result.diagnostics.count == 9000)
        #expect(result.diagnostics.filter { $0.code == ManifestDiagnosticCode.invalidID.rawValue }.count == 3000)
        #expect(result.diagnostics.last?.location?.line == 3003)
    }

    @Test func aThousandSessionManifestLoads() throws {
        let result = load(LargeManifest.text(sessions: 1000))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
        #expect(try #require(result.state).sessions.count == 1000)
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreAccepted() {
        let text = "\u{FEFF}apiVersion: mirrorplan/v1\r\nstack: lab\r\nregion: nowhere\r\n"
        let result = ManifestLoader.load(data: Data(text.utf8), file: "m.yaml")
        #expect(codes(result) == [ManifestDiagnosticCode.invalidRegion.rawValue])
        #expect(position(result.diagnostics.first) == [3, 9])
    }

    // MARK: Unicode columns

    @Test func columnsCountUnicodeScalarsAfterWideAndCombiningCharacters() throws {
        let marked = MarkedText(
            """
            apiVersion: mirrorplan/v1
            stack: lab
            tags: { "😀🇩🇪": 1️⃣5, "e\u{301}\u{301}x": 2️⃣true }

            """)
        let result = load(marked.text)
        #expect(
            result.diagnostics.map { position($0) }
                == ["1️⃣", "2️⃣"].map { [marked.markers[$0]!.line, marked.markers[$0]!.column] })
        #expect(result.diagnostics.map { position($0) } == [[3, 16], [3, 27]])
    }
}

/// A valid manifest with `sessions` sessions (one source each), for scale tests and the benchmark.
enum LargeManifest {
    static func text(sessions: Int) -> String {
        var text = """
            apiVersion: mirrorplan/v1
            stack: big
            targets:
              nlb:
                networkLoadBalancer: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/ids/0123456789abcdef
            filters:
              web:
                ingress:
                  - { rule: 100, action: accept, protocol: tcp, source: 0.0.0.0/0, destination: 10.0.0.0/8, destinationPorts: 443 }
                egress:
                  - { rule: 100, action: accept, protocol: tcp, source: 10.0.0.0/8, destination: 0.0.0.0/0, sourcePorts: 443 }
            sessions:

            """
        for index in 0..<sessions {
            text += """
                  web-\(index):
                    source: { instance: web-\(index) }
                    target: nlb
                    filter: web
                    number: 1
                    vni: \(index + 1)
                    description: web server \(index)

                """
        }
        return text
    }
}
