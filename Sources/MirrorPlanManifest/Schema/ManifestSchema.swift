import MirrorPlanModel

/// The JSON Schema (draft 2020-12) of manifest v1, built from the same constants the validator uses.
/// It checks shape (keys, types, ranges, patterns); `validate` checks more (references, quotas, CIDR host bits,
/// address families, duplicate numbers). `mirrorplan schema` prints `text`; schema/manifest-v1.json is a copy.
public enum ManifestSchema {
    public static let id = "https://mirrorplan.dev/schema/manifest-v1.json"

    public static var text: String { value.rendered() + "\n" }

    public static var value: JSONValue {
        .object([
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string(id)),
            ("title", "mirrorplan manifest v1"),
            (
                "description",
                "Declarative AWS VPC Traffic Mirroring: targets, filters with rules, sessions and verify checks."
            ),
            ("type", "object"),
            ("required", ["apiVersion", "stack"]),
            ("additionalProperties", false),
            (
                "properties",
                .object([
                    ("apiVersion", .object([("const", .string(DesiredState.apiVersion))])),
                    ("stack", ref("name")),
                    ("region", .object([("type", "string"), ("pattern", .string(ManifestReader.regionPattern))])),
                    ("tags", ref("tags")),
                    ("targets", namedMap("target")),
                    ("filters", namedMap("filter")),
                    ("sessions", namedMap("session")),
                    ("verify", .object([("type", "array"), ("items", ref("verifyCheck"))])),
                ])
            ),
            ("$defs", .object(definitions)),
        ])
    }

    private static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }

    private static func namedMap(_ kind: String) -> JSONValue {
        .object([("type", "object"), ("propertyNames", ref("name")), ("additionalProperties", ref(kind))])
    }

    private static func integer(_ range: ClosedRange<Int>) -> JSONValue {
        .object([("type", "integer"), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound))])
    }

    private static func string(pattern: String) -> JSONValue {
        .object([("type", "string"), ("pattern", .string(pattern))])
    }

    private static let plainString: JSONValue = .object([("type", "string")])

    private static func object(
        required: [String] = [], _ properties: [(String, JSONValue)], extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "object")]
        if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
        members.append(("additionalProperties", false))
        members.append(("properties", .object(properties)))
        return .object(members + extra)
    }

    private static var protocolNames: [JSONValue] {
        var seen: Set<String> = []
        return (IPProtocol.names.map(\.name) + ["all"]).filter { seen.insert($0).inserted }.map { .string($0) }
    }

    private static var definitions: [(String, JSONValue)] {
        [
            ("name", string(pattern: DesiredState.namePattern)),
            (
                "tags",
                .object([
                    ("type", "object"),
                    ("maxProperties", .integer(ManifestReader.maximumTags)),
                    (
                        "propertyNames",
                        .object([
                            ("minLength", 1), ("maxLength", .integer(ManifestReader.maximumTagKeyLength)),
                            (
                                "not",
                                .object([("pattern", "^([aA][wW][sS]|[mM][iI][rR][rR][oO][rR][pP][lL][aA][nN]):")])
                            ),
                        ])
                    ),
                    (
                        "additionalProperties",
                        .object([("type", "string"), ("maxLength", .integer(ManifestReader.maximumTagValueLength))])
                    ),
                ])
            ),
            (
                "instance",
                object(
                    required: ["instance"],
                    [
                        ("instance", .object([("type", "string"), ("minLength", 1), ("maxLength", 255)]))
                    ])
            ),
            (
                "networkInterface",
                .object([
                    ("description", "An ENI id, or { instance: NAME | i-... } for an instance's primary ENI."),
                    ("oneOf", [string(pattern: AWSIdentifier.networkInterfaceIDPattern), ref("instance")]),
                ])
            ),
            (
                "target",
                object(
                    [
                        ("networkInterface", ref("networkInterface")),
                        ("networkLoadBalancer", string(pattern: AWSIdentifier.networkLoadBalancerARNPattern)),
                        ("gatewayLoadBalancerEndpoint", string(pattern: AWSIdentifier.vpcEndpointIDPattern)),
                        ("description", plainString),
                        ("tags", ref("tags")),
                    ],
                    extra: [
                        ("oneOf", .array(ManifestReader.targetKinds.map { .object([("required", [.string($0)])]) }))
                    ])
            ),
            (
                "filter",
                object([
                    ("description", plainString),
                    (
                        "networkServices",
                        .object([
                            ("type", "array"), ("uniqueItems", true),
                            ("items", .object([("enum", .array(FilterSpec.knownNetworkServices.map { .string($0) }))])),
                        ])
                    ),
                    (
                        "ingress",
                        .object([
                            ("type", "array"), ("maxItems", .integer(FilterSpec.maximumRules)), ("items", ref("rule")),
                        ])
                    ),
                    (
                        "egress",
                        .object([
                            ("type", "array"), ("maxItems", .integer(FilterSpec.maximumRules)), ("items", ref("rule")),
                        ])
                    ),
                    ("tags", ref("tags")),
                ])
            ),
            (
                "cidr",
                .object([
                    ("description", "IPv4 or IPv6 CIDR block; validate also checks host bits and the address itself."),
                    ("type", "string"),
                    ("pattern", "^([0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*/[0-9]{1,3})$"),
                ])
            ),
            (
                "ports",
                .object([
                    ("description", "A port (80) or a closed range (\"1024-65535\"), 0..65535."),
                    ("oneOf", [integer(0...65535), string(pattern: "^[0-9]{1,5}(-[0-9]{1,5})?$")]),
                ])
            ),
            (
                "rule",
                object(
                    required: ["rule", "action", "source", "destination"],
                    [
                        ("rule", integer(FilterRuleSpec.numberRange)),
                        (
                            "action",
                            .object([("enum", .array(FilterRuleSpec.Action.allCases.map { .string($0.rawValue) }))])
                        ),
                        (
                            "protocol",
                            .object([
                                ("description", "An IANA protocol name or number; omitted or 'all' = all protocols."),
                                ("oneOf", [integer(0...255), .object([("enum", .array(protocolNames))])]),
                            ])
                        ),
                        ("source", ref("cidr")),
                        ("destination", ref("cidr")),
                        ("sourcePorts", ref("ports")),
                        ("destinationPorts", ref("ports")),
                        ("description", plainString),
                    ],
                    extra: [
                        // Ports only with protocol tcp or udp.
                        (
                            "anyOf",
                            [
                                .object([
                                    (
                                        "not",
                                        .object([
                                            (
                                                "anyOf",
                                                [
                                                    .object([("required", ["sourcePorts"])]),
                                                    .object([("required", ["destinationPorts"])]),
                                                ]
                                            )
                                        ])
                                    )
                                ]),
                                .object([
                                    ("required", ["protocol"]),
                                    (
                                        "properties",
                                        .object([("protocol", .object([("enum", ["tcp", "udp", 6, 17])]))])
                                    ),
                                ]),
                            ]
                        )
                    ])
            ),
            (
                "session",
                object(
                    required: ["source", "target", "filter", "number"],
                    [
                        ("source", ref("networkInterface")),
                        ("target", ref("name")),
                        ("filter", ref("name")),
                        ("number", integer(SessionSpec.numberRange)),
                        ("vni", integer(SessionSpec.vniRange)),
                        ("packetLength", integer(SessionSpec.packetLengthRange)),
                        ("description", plainString),
                        ("tags", ref("tags")),
                    ])
            ),
            (
                "endpoint",
                .object([
                    (
                        "oneOf",
                        [
                            ref("instance"),
                            object(required: ["ip"], [("ip", string(pattern: "^[0-9a-fA-F:.]+$"))]),
                        ]
                    )
                ])
            ),
            (
                "verifyCheck",
                object(
                    required: ["name", "session", "from", "to", "traffic", "count", "expect"],
                    [
                        ("name", ref("name")),
                        ("session", ref("name")),
                        ("from", ref("endpoint")),
                        ("to", ref("endpoint")),
                        ("traffic", string(pattern: "^(icmp|(tcp|udp)/[0-9]{1,5})$")),
                        ("count", integer(VerifyCheck.countRange)),
                        (
                            "expect",
                            .object([("enum", .array(VerifyCheck.Expectation.allCases.map { .string($0.rawValue) }))])
                        ),
                        ("timeout", string(pattern: VerifyCheck.timeoutPattern)),
                    ])
            ),
        ]
    }
}
