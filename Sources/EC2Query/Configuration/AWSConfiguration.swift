import Foundation

/// Region, endpoint, profile and retry settings resolved the way the AWS CLI resolves them. Pure: it is given
/// the environment and the parsed shared files.
public struct AWSConfiguration: Sendable, Hashable {
    public var region: String
    public var endpoint: URL
    /// Where the endpoint came from (`--endpoint-url`, `AWS_ENDPOINT_URL_EC2`, `profile dev services`, `default`).
    public var endpointSource: String
    public var profile: String
    /// True when the profile was chosen with `--profile` (then the environment's keys are not used).
    public var profileIsExplicit: Bool
    public var retry: RetryConfiguration

    /// Command-line overrides; nil means "not given".
    public struct Overrides: Sendable, Hashable {
        public var region: String?
        public var profile: String?
        public var endpointURL: String?

        public init(region: String? = nil, profile: String? = nil, endpointURL: String? = nil) {
            self.region = region
            self.profile = profile
            self.endpointURL = endpointURL
        }
    }

    public static func resolve(
        overrides: Overrides, environment: [String: String], shared: SharedConfig
    ) throws(AWSConfigurationError) -> AWSConfiguration {
        let profile =
            nonEmpty(overrides.profile) ?? nonEmpty(environment["AWS_PROFILE"])
            ?? nonEmpty(environment["AWS_DEFAULT_PROFILE"]) ?? "default"
        let explicitProfile = nonEmpty(overrides.profile) != nil || nonEmpty(environment["AWS_PROFILE"]) != nil
        if explicitProfile, profile != "default", !shared.hasProfile(profile) {
            throw .profileNotFound(profile: profile, files: [shared.configPath, shared.credentialsPath])
        }
        let settings = shared.settings(profile: profile)
        guard
            let region = nonEmpty(overrides.region) ?? nonEmpty(environment["AWS_REGION"])
                ?? nonEmpty(environment["AWS_DEFAULT_REGION"]) ?? nonEmpty(settings["region"])
        else { throw .noRegion }
        guard region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw .invalidSetting(name: "region", value: region, expected: "a region name such as us-east-1")
        }

        let (endpointText, source) = endpointSetting(
            overrides: overrides, environment: environment, shared: shared, profile: profile, settings: settings)
        let endpoint: URL
        if let endpointText {
            endpoint = try validatedEndpoint(endpointText, source: source)
        } else {
            let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
            guard let url = URL(string: "https://ec2.\(region).\(suffix)") else {
                throw .invalidSetting(name: "region", value: region, expected: "a region name such as us-east-1")
            }
            endpoint = url
        }
        var retryEnvironment = environment
        if retryEnvironment["AWS_MAX_ATTEMPTS"] == nil, let value = settings["max_attempts"] {
            retryEnvironment["AWS_MAX_ATTEMPTS"] = value
        }
        if retryEnvironment["AWS_RETRY_MODE"] == nil, let value = settings["retry_mode"] {
            retryEnvironment["AWS_RETRY_MODE"] = value
        }
        return AWSConfiguration(
            region: region, endpoint: endpoint, endpointSource: source ?? "the default for \(region)",
            profile: profile, profileIsExplicit: nonEmpty(overrides.profile) != nil,
            retry: try RetryConfiguration.from(environment: retryEnvironment))
    }

    /// Highest first: `--endpoint-url`, `AWS_ENDPOINT_URL_EC2`, `AWS_ENDPOINT_URL`, the profile's services
    /// section, the profile's `endpoint_url`. The ignore switches disable all but the first.
    static func endpointSetting(
        overrides: Overrides, environment: [String: String], shared: SharedConfig, profile: String,
        settings: [String: String]
    ) -> (String?, String?) {
        if let url = nonEmpty(overrides.endpointURL) { return (url, "--endpoint-url") }
        let ignore =
            (environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] ?? settings["ignore_configured_endpoint_urls"])?
            .lowercased() == "true"
        guard !ignore else { return (nil, nil) }
        if let url = nonEmpty(environment["AWS_ENDPOINT_URL_EC2"]) { return (url, "AWS_ENDPOINT_URL_EC2") }
        if let url = nonEmpty(environment["AWS_ENDPOINT_URL"]) { return (url, "AWS_ENDPOINT_URL") }
        if let url = nonEmpty(shared.serviceEndpoint(profile: profile, service: "ec2")) {
            return (url, "the services section of profile \(profile)")
        }
        if let url = nonEmpty(settings["endpoint_url"]) { return (url, "endpoint_url of profile \(profile)") }
        return (nil, nil)
    }

    /// https anywhere; plain http only to loopback (127.0.0.0/8, ::1, localhost), so credentials and signed
    /// requests never cross a network in clear text.
    public static func validatedEndpoint(_ text: String, source: String?) throws(AWSConfigurationError) -> URL {
        let origin = source ?? "configuration"
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else {
            throw .invalidEndpoint(
                url: text, source: origin, reason: "it is not an absolute URL like https://host[:port]")
        }
        switch scheme {
        case "https": return url
        case "http":
            guard isLoopback(host) else {
                throw .invalidEndpoint(
                    url: text, source: origin,
                    reason: "plain http is allowed only for loopback hosts (127.0.0.1, ::1, localhost); use https")
            }
            return url
        default:
            throw .invalidEndpoint(url: text, source: origin, reason: "the scheme must be https (or http for loopback)")
        }
    }

    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".")
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value.trimmingCharacters(in: .whitespaces)
    }
}
