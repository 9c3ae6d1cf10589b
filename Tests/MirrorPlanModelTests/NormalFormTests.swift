import MirrorPlanModel
import Testing

/// The normal form the planner diffs in: one spelling per value, whatever the manifest or AWS wrote.
@Suite struct NormalFormTests {
    @Test(arguments: [
        ("10.0.0.0/8", "10.0.0.0/8"), ("0.0.0.0/0", "0.0.0.0/0"), ("192.168.1.7/32", "192.168.1.7/32"),
        ("::/0", "::/0"), ("2001:DB8::/32", "2001:db8::/32"),
        ("2001:0db8:0000:0000:0000:0000:0000:0000/32", "2001:db8::/32"),
        ("2001:db8:0:0:1:0:0:1/128", "2001:db8::1:0:0:1/128"), ("2001:db8::0:1/128", "2001:db8::1/128"),
        ("2001:db8:0:1:1:1:1:1/128", "2001:db8:0:1:1:1:1:1/128"), ("::ffff:10.0.0.1/128", "::ffff:a00:1/128"),
        ("fe80::/10", "fe80::/10"), ("1:0:0:2:0:0:0:3/128", "1:0:0:2::3/128"),
    ])
    func cidrBlocksPrintCanonically(text: String, canonical: String) throws {
        let block = try CIDRBlock.parse(text).get()
        #expect(block.description == canonical)
        #expect(try CIDRBlock.parse(canonical).get() == block)
    }

    @Test(arguments: [
        ("10.0.0.1/8", "hostBitsSet(network: 10.0.0.0/8)"), ("2001:db8::1/32", "hostBitsSet(network: 2001:db8::/32)"),
        ("10.0.0.0", "missingPrefixLength"), ("10.0.0.0/33", "invalidPrefixLength(maximum: 32)"),
        ("::/129", "invalidPrefixLength(maximum: 128)"), ("10.0.0/8", "invalidAddress"),
        ("010.0.0.0/8", "invalidAddress"),
        ("256.0.0.0/8", "invalidAddress"), ("1::2::3/64", "invalidAddress"), ("12345::/16", "invalidAddress"),
        ("1:2:3:4:5:6:7:8:9/128", "invalidAddress"), ("10.0.0.0/08", "invalidPrefixLength(maximum: 32)"),
        ("/8", "invalidAddress"),
    ])
    func malformedCIDRBlocksSayWhy(text: String, error: String) {
        switch CIDRBlock.parse(text) {
        case .success(let block): Issue.record("\(text) parsed as \(block)")
        case .failure(let actual): #expect("\(actual)" == error)
        }
    }

    @Test func containmentFollowsPrefixes() throws {
        let any4 = try CIDRBlock.parse("0.0.0.0/0").get()
        let net = try CIDRBlock.parse("10.1.0.0/16").get()
        let any6 = try CIDRBlock.parse("::/0").get()
        #expect(any4.contains(net) && !net.contains(any4) && !any6.contains(net) && net.contains(net))
    }

    @Test(arguments: [
        ("icmp", 1), ("tcp", 6), ("udp", 17), ("icmpv6", 58), ("ipv6-icmp", 58), ("gre", 47), ("esp", 50),
        ("sctp", 132),
    ])
    func protocolNamesMapToIANANumbers(name: String, number: Int) throws {
        let byName = try #require(IPProtocol(name: name))
        #expect(byName.number == number && byName == IPProtocol(number: number))
    }

    @Test func protocolsPrintTheirPreferredName() {
        #expect(IPProtocol(number: 58)?.description == "icmpv6")
        #expect(IPProtocol(number: 253)?.description == "253")
        #expect(IPProtocol(number: 256) == nil && IPProtocol(name: "ICMP") == nil)
        #expect(IPProtocol.tcp.hasPorts && IPProtocol.udp.hasPorts && !IPProtocol.icmp.hasPorts)
    }

    @Test(arguments: [("80", 80, 80), ("1024-65535", 1024, 65535), ("0", 0, 0), ("53 - 54", 53, 54)])
    func portRangesAreClosedRanges(text: String, lower: Int, upper: Int) throws {
        let range = try #require(PortRange(text))
        #expect(range.lowerBound == lower && range.upperBound == upper)
        #expect(PortRange(range.description) == range)
    }

    @Test(arguments: ["90-80", "65536", "-1", "80-", "http", "", "1-2-3", "123456"])
    func malformedPortRangesAreRejected(text: String) {
        #expect(PortRange(text) == nil)
    }

    @Test func namesFollowThePattern() {
        #expect(
            DesiredState.isValidName("lab-mirror") && DesiredState.isValidName("0")
                && DesiredState.isValidName(String(repeating: "a", count: 63)))
        #expect(
            !DesiredState.isValidName("-lab") && !DesiredState.isValidName("Lab") && !DesiredState.isValidName("")
                && !DesiredState.isValidName(String(repeating: "a", count: 64)) && !DesiredState.isValidName("lab_1"))
    }

    @Test func instanceReferencesTellIDsFromNames() {
        #expect(NetworkInterfaceReference.instance("i-0123456789abcdef0") == .instanceID("i-0123456789abcdef0"))
        #expect(NetworkInterfaceReference.instance("i-01234567") == .instanceID("i-01234567"))
        #expect(NetworkInterfaceReference.instance("i-web") == .instanceName("i-web"))
        #expect(NetworkInterfaceReference.instance("Server") == .instanceName("Server"))
    }

    @Test(arguments: [
        ("30s", Duration.seconds(30)), ("2m", .seconds(120)), ("1h", .seconds(3600)), ("500ms", .milliseconds(500)),
    ])
    func timeoutsParse(text: String, duration: Duration) {
        #expect(VerifyCheck.parseTimeout(text) == duration)
    }

    @Test(arguments: ["0s", "30", "s", "30 s", "1d", "-5s", "1.5s"])
    func malformedTimeoutsAreRejected(text: String) {
        #expect(VerifyCheck.parseTimeout(text) == nil)
    }

    @Test func shadowingComparesProtocolAddressesAndPorts() throws {
        func rule(
            _ number: Int, _ action: FilterRuleSpec.Action, _ proto: IPProtocol?, _ source: String, ports: String? = nil
        ) throws -> FilterRuleSpec {
            FilterRuleSpec(
                direction: .ingress, number: number, action: action, protocol: proto,
                source: try CIDRBlock.parse(source).get(),
                destination: try CIDRBlock.parse("0.0.0.0/0").get(), destinationPorts: ports.flatMap { PortRange($0) })
        }
        let rejectAll = try rule(50, .reject, nil, "0.0.0.0/0")
        let rejectTCP = try rule(50, .reject, .tcp, "10.0.0.0/8", ports: "1-1024")
        #expect(try rule(100, .accept, .icmp, "10.0.0.0/8").isCovered(by: rejectAll))
        #expect(try rule(100, .accept, .tcp, "10.1.0.0/16", ports: "80").isCovered(by: rejectTCP))
        #expect(try !rule(100, .accept, .tcp, "10.1.0.0/16").isCovered(by: rejectTCP))
        #expect(try !rule(100, .accept, .udp, "10.1.0.0/16", ports: "80").isCovered(by: rejectTCP))
        #expect(try !rule(100, .accept, nil, "10.0.0.0/8").isCovered(by: rejectTCP))
    }
}
