import MirrorPlanManifest
import MirrorPlanModel
import Testing

/// One fixture per validation rule: each asserts the exact set of diagnostics (code, severity, position by
/// marker) and the key words of each message.
struct RuleCase: Sendable, CustomTestStringConvertible {
    struct Expected: Sendable {
        var marker: String
        var code: ManifestDiagnosticCode
        var severity: Diagnostic.Severity
        /// Words the message must contain: what is wrong and what is allowed.
        var fragments: [String]
    }

    var fixture: String
    var expected: [Expected]
    /// Whether a JSON Schema can express the rule (SchemaAgreementTests checks the schema says exactly this).
    var schemaRejects: Bool

    var testDescription: String { fixture }

    init(_ fixture: String, schema schemaRejects: Bool, _ expected: Expected...) {
        self.fixture = fixture
        self.expected = expected
        self.schemaRejects = schemaRejects
    }

    static let all: [RuleCase] = [
        RuleCase(
            "invalid/unknown-key", schema: true,
            .error(
                "1️⃣", .unknownKey, "unknown key 'descripton'", "did you mean 'description'?", "allowed: source, target")),
        RuleCase(
            "invalid/wrong-type", schema: true,
            .error("1️⃣", .wrongType, "session number must be an integer", "not a string")),
        RuleCase(
            "invalid/missing-key", schema: true,
            .error("1️⃣", .missingKey, "session 'server' is missing required key 'filter'"),
            .warning("2️⃣", .unused, "filter 'icmp' is not used")),
        RuleCase(
            "invalid/duplicate-key", schema: false,
            .error("2️⃣", .duplicateKey, "duplicate key 'number'", "already set at line 15, column 5")),
        RuleCase("invalid/not-a-mapping", schema: true, .error("1️⃣", .notAMapping, "must be a mapping", "not a list")),
        RuleCase(
            "invalid/api-version", schema: true,
            .error("1️⃣", .apiVersion, "'mirrorplan/v2' is not supported", "'mirrorplan/v1'")),
        RuleCase(
            "invalid/invalid-name", schema: true,
            .error("1️⃣", .invalidName, "target name 'Monitor'", "[a-z0-9][a-z0-9-]{0,62}")),
        RuleCase(
            "invalid/rule-number-range", schema: true,
            .error("1️⃣", .ruleNumberRange, "rule number 0 is out of range", "1..32766")),
        RuleCase(
            "invalid/rule-number-duplicate", schema: false,
            .error(
                "1️⃣", .ruleNumberDuplicate, "ingress rule number 100 is already used at line 9",
                "unique per filter and direction")),
        RuleCase(
            "invalid/too-many-rules", schema: false,
            .error("1️⃣", .tooManyRules, "filter 'icmp' has 11 rules", "at most 10", "ingress and egress together")),
        RuleCase(
            "invalid/ports-need-tcp-udp", schema: true,
            .error("1️⃣", .portsNeedTCPOrUDP, "destinationPorts needs protocol tcp or udp", "protocol is icmp")),
        RuleCase(
            "invalid/invalid-ports", schema: true,
            .error("1️⃣", .invalidPorts, "'70000' is not a port", "0 <= N <= M <= 65535")),
        RuleCase(
            "invalid/invalid-cidr", schema: false,
            .error("1️⃣", .invalidCIDR, "'10.0.0.1/8' has host bits set", "did you mean 10.0.0.0/8?")),
        RuleCase(
            "invalid/mixed-address-families", schema: false,
            .error(
                "1️⃣", .mixedAddressFamilies, "source 0.0.0.0/0 is IPv4 but destination 2001:db8::/32 is IPv6",
                "same family")),
        RuleCase(
            "invalid/session-number-range", schema: true,
            .error("1️⃣", .sessionNumberRange, "session number 40000 is out of range", "1..32766")),
        RuleCase(
            "invalid/session-number-duplicate", schema: false,
            .error(
                "1️⃣", .sessionNumberDuplicate, "session number 1 is already used by session 'server'",
                "unique per source")),
        RuleCase(
            "invalid/too-many-sessions-per-source", schema: false,
            .error(
                "1️⃣", .tooManySessionsPerSource, "session 's4' makes 4 sessions on source eni-0123456789abcdef0",
                "with 's1', 's2', 's3'", "at most 3")),
        RuleCase(
            "invalid/source-is-target", schema: false,
            .error(
                "1️⃣", .sourceIsTarget,
                "source instance Server of session 'server' is also the network interface of target 'monitor'")),
        RuleCase(
            "invalid/unknown-target", schema: false,
            .error("1️⃣", .unknownTarget, "refers to target 'monitr'", "did you mean 'monitor'?"),
            .warning("2️⃣", .unused, "target 'monitor' is not used")),
        RuleCase(
            "invalid/unknown-filter", schema: false,
            .error("1️⃣", .unknownFilter, "refers to filter 'icpm'", "did you mean 'icmp'?"),
            .warning("2️⃣", .unused, "filter 'icmp' is not used")),
        RuleCase(
            "invalid/vni-range", schema: true, .error("1️⃣", .vniRange, "vni 16777216 is out of range", "1..16777215")),
        RuleCase(
            "invalid/packet-length-range", schema: true,
            .error("1️⃣", .packetLengthRange, "packetLength 9000 is out of range", "1..8500")),
        RuleCase(
            "invalid/unknown-session", schema: false,
            .error("1️⃣", .unknownSession, "session 'serevr'", "did you mean 'server'?")),
        RuleCase(
            "invalid/target-kind", schema: true,
            .error(
                "1️⃣", .targetKind, "target 'monitor' has both networkInterface and gatewayLoadBalancerEndpoint",
                "exactly one of")),
        RuleCase(
            "invalid/invalid-id", schema: true,
            .error("1️⃣", .invalidID, "'eni-xyz' is not an ENI id", "{ instance: NAME }")),
        RuleCase(
            "invalid/invalid-value", schema: true,
            .error("1️⃣", .invalidValue, "action 'allow' is not allowed", "accept, reject")),
        RuleCase(
            "invalid/invalid-protocol", schema: true,
            .error("1️⃣", .invalidProtocol, "protocol 'icmpp' is not known", "did you mean 'icmp'?")),
        RuleCase(
            "invalid/network-service", schema: true,
            .error("1️⃣", .networkService, "'amazon-dnz' is not known", "did you mean 'amazon-dns'?")),
        RuleCase("invalid/invalid-region", schema: true, .error("1️⃣", .invalidRegion, "region 'us-east'", "us-east-1")),
        RuleCase("invalid/invalid-tag", schema: true, .error("1️⃣", .invalidTag, "tag key 'aws:owner'", "AWS reserves")),
        RuleCase(
            "invalid/duplicate-name", schema: false,
            .error("1️⃣", .duplicateName, "'icmp-arrives' is already used at line 17")),
        RuleCase("invalid/endpoint-kind", schema: true, .error("1️⃣", .endpointKind, "'from' has both instance and ip")),
        RuleCase(
            "invalid/invalid-ip", schema: false, .error("1️⃣", .invalidIP, "ip '10.0.1' is not an IPv4 or IPv6 address")),
        RuleCase(
            "invalid/invalid-traffic", schema: true,
            .error("1️⃣", .invalidTraffic, "traffic 'http'", "icmp, tcp/PORT or udp/PORT")),
        RuleCase("invalid/count-range", schema: true, .error("1️⃣", .countRange, "count 0 is out of range", "1..10000")),
        RuleCase(
            "invalid/invalid-timeout", schema: true,
            .error("1️⃣", .invalidTimeout, "timeout '30 seconds' is not a duration", "30s")),
        RuleCase(
            "warnings/filter-mirrors-nothing", schema: false,
            .warning("1️⃣", .filterMirrorsNothing, "filter 'icmp' mirrors nothing", "no accept rules")),
        RuleCase(
            "warnings/rule-shadowed", schema: false,
            .warning("1️⃣", .ruleShadowed, "ingress rule 100 (accept)", "shadowed by rule 50 (reject)", "never applies")),
        RuleCase("warnings/unused", schema: false, .warning("1️⃣", .unused, "target 'spare' is not used by any session")),
        RuleCase(
            "warnings/protocol-zero", schema: false,
            .warning("1️⃣", .protocolZero, "protocol 0 (number 0) means all protocols", "'protocol: all'"),
            .warning("2️⃣", .protocolZero, "protocol hopopt (number 0)")),
    ]
}

extension RuleCase.Expected {
    static func error(_ marker: String, _ code: ManifestDiagnosticCode, _ fragments: String...) -> RuleCase.Expected {
        RuleCase.Expected(marker: marker, code: code, severity: .error, fragments: fragments)
    }

    static func warning(_ marker: String, _ code: ManifestDiagnosticCode, _ fragments: String...) -> RuleCase.Expected {
        RuleCase.Expected(marker: marker, code: code, severity: .warning, fragments: fragments)
    }
}

@Suite struct ValidationRuleTests {
    @Test(arguments: RuleCase.all)
    func reportsExactlyTheExpectedDiagnostics(_ rule: RuleCase) throws {
        let marked = try Fixture.marked(rule.fixture)
        let result = ManifestLoader.load(text: marked.text, file: "\(rule.fixture).yaml")
        struct Key: Hashable, CustomStringConvertible {
            var code: String, severity: Diagnostic.Severity, line: Int, column: Int
            var description: String { "\(line):\(column) \(severity) \(code)" }
        }
        let actual = result.diagnostics.map {
            Key(code: $0.code, severity: $0.severity, line: $0.location?.line ?? 0, column: $0.location?.column ?? 0)
        }
        let expected = try rule.expected.map { expectation in
            let position = try #require(
                marked.markers[expectation.marker], "marker \(expectation.marker) missing in \(rule.fixture)")
            return Key(
                code: expectation.code.rawValue, severity: expectation.severity, line: position.line,
                column: position.column)
        }
        #expect(
            actual.sorted { $0.description < $1.description } == expected.sorted { $0.description < $1.description },
            "\(result.diagnostics.map(\.message))")
        for expectation in rule.expected {
            let messages = result.diagnostics.filter { $0.code == expectation.code.rawValue }.map(\.message)
            for fragment in expectation.fragments {
                #expect(
                    messages.contains { $0.contains(fragment) },
                    "no \(expectation.code.rawValue) message contains \"\(fragment)\": \(messages)")
            }
        }
        // Errors withhold the desired state; warnings alone do not.
        #expect((result.state == nil) == rule.expected.contains { $0.severity == .error })
        #expect(result.diagnostics.allSatisfy { $0.location?.file == "\(rule.fixture).yaml" })
    }

    @Test func everyFixtureHasACaseAndEveryCaseAFixture() {
        let fixtures = Set(Fixture.names(in: "invalid") + Fixture.names(in: "warnings"))
        #expect(fixtures == Set(RuleCase.all.map(\.fixture)))
    }

    /// Every diagnostic code is exercised: by a rule fixture here or by HostileInputTests / CLI tests.
    @Test func everyCodeIsCovered() {
        let byFixtures = Set(RuleCase.all.flatMap { $0.expected.map(\.code) })
        let elsewhere: Set<ManifestDiagnosticCode> = [
            .unreadable, .encoding, .tooLarge, .tooDeep, .empty, .yamlSyntax, .multipleDocuments,
        ]
        #expect(byFixtures.union(elsewhere) == Set(ManifestDiagnosticCode.allCases))
    }

    @Test func allErrorsOfAFileAreReportedInOneRun() throws {
        // Every invalid fixture's broken line, all in one manifest.
        let text = """
            apiVersion: mirrorplan/v2
            stack: Lab
            targets:
              monitor: { networkInterface: eni-xyz }
            filters:
              icmp:
                ingress:
                  - { rule: 0, action: allow, protocol: icmpp, source: 10.0.0.1/8, destination: 0.0.0.0/0 }
            sessions:
              server: { source: { instance: Server }, target: monitr, filter: icmp, number: 40000, vni: 0 }
            """
        let result = ManifestLoader.load(text: text, file: "all.yaml")
        let codes = Set(result.diagnostics.map(\.code))
        let expected: [ManifestDiagnosticCode] = [
            .apiVersion, .invalidName, .invalidID, .ruleNumberRange, .invalidValue, .invalidProtocol, .invalidCIDR,
            .unknownTarget, .sessionNumberRange, .vniRange,
        ]
        #expect(codes.isSuperset(of: expected.map(\.rawValue)), "\(codes)")
    }
}
