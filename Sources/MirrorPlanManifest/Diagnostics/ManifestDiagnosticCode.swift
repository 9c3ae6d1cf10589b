/// The stable codes of manifest diagnostics (`Diagnostic.code`). Scripts and tests match on these, never on
/// wording; add new ones, never rename.
public enum ManifestDiagnosticCode: String, CaseIterable, Sendable {
    // The file and its YAML.
    case unreadable = "manifest.unreadable"
    case encoding = "manifest.encoding"
    case tooLarge = "manifest.too-large"
    case tooDeep = "manifest.too-deep"
    case empty = "manifest.empty"
    case yamlSyntax = "manifest.yaml-syntax"
    case multipleDocuments = "manifest.multiple-documents"
    case duplicateKey = "manifest.duplicate-key"
    case notAMapping = "manifest.not-a-mapping"
    // Shape.
    case unknownKey = "manifest.unknown-key"
    case wrongType = "manifest.wrong-type"
    case missingKey = "manifest.missing-key"
    case apiVersion = "manifest.api-version"
    case invalidName = "manifest.invalid-name"
    case duplicateName = "manifest.duplicate-name"
    case invalidRegion = "manifest.invalid-region"
    case invalidTag = "manifest.invalid-tag"
    case invalidValue = "manifest.invalid-value"
    case invalidID = "manifest.invalid-id"
    // Targets.
    case targetKind = "manifest.target-kind"
    // Filters and rules.
    case networkService = "manifest.network-service"
    case ruleNumberRange = "manifest.rule-number-range"
    case ruleNumberDuplicate = "manifest.rule-number-duplicate"
    case tooManyRules = "manifest.too-many-rules"
    case invalidProtocol = "manifest.invalid-protocol"
    case portsNeedTCPOrUDP = "manifest.ports-need-tcp-udp"
    case invalidPorts = "manifest.invalid-ports"
    case invalidCIDR = "manifest.invalid-cidr"
    case mixedAddressFamilies = "manifest.mixed-address-families"
    // Sessions.
    case sessionNumberRange = "manifest.session-number-range"
    case sessionNumberDuplicate = "manifest.session-number-duplicate"
    case tooManySessionsPerSource = "manifest.too-many-sessions-per-source"
    case sourceIsTarget = "manifest.source-is-target"
    case unknownTarget = "manifest.unknown-target"
    case unknownFilter = "manifest.unknown-filter"
    case vniRange = "manifest.vni-range"
    case packetLengthRange = "manifest.packet-length-range"
    // Verify checks.
    case unknownSession = "manifest.unknown-session"
    case endpointKind = "manifest.endpoint-kind"
    case invalidIP = "manifest.invalid-ip"
    case invalidTraffic = "manifest.invalid-traffic"
    case countRange = "manifest.count-range"
    case invalidTimeout = "manifest.invalid-timeout"
    // Warnings: AWS would accept these, a reviewer should notice them.
    case filterMirrorsNothing = "manifest.filter-mirrors-nothing"
    case ruleShadowed = "manifest.rule-shadowed"
    case unused = "manifest.unused"
    case protocolZero = "manifest.protocol-zero"
}
