import Foundation

/// Credentials from a shared-config profile, in botocore's order for one profile: `role_arn` + `source_profile`
/// (STS AssumeRole), keys in the shared credentials file, `credential_process`, keys in the config file.
public struct ProfileCredentialProvider: CredentialProvider {
    let profile: String
    let shared: SharedConfig
    let region: String
    let environment: [String: String]
    let transport: any HTTPTransport
    let clientEnvironment: ClientEnvironment
    let processRunner: CredentialProcessRunner

    public init(
        profile: String, shared: SharedConfig, region: String, environment: [String: String],
        transport: any HTTPTransport, clientEnvironment: ClientEnvironment,
        processRunner: CredentialProcessRunner = CredentialProcessRunner()
    ) {
        self.profile = profile
        self.shared = shared
        self.region = region
        self.environment = environment
        self.transport = transport
        self.clientEnvironment = clientEnvironment
        self.processRunner = processRunner
    }

    public var description: String { "shared config files (profile \(profile))" }

    public func resolve() async throws -> ResolvedCredentials? {
        try await resolve(profile: profile, visited: [])
    }

    func resolve(profile: String, visited: [String]) async throws -> ResolvedCredentials? {
        guard !visited.contains(profile) else {
            throw CredentialError(
                "profile \(profile) is part of a source_profile loop (\((visited + [profile]).joined(separator: " -> ")))"
            )
        }
        let settings = shared.settings(profile: profile)
        if let roleARN = settings["role_arn"] {
            return try await assumeRole(roleARN: roleARN, profile: profile, settings: settings, visited: visited)
        }
        if let found = try staticKeys(
            shared.credentialsFileSettings(profile: profile),
            source: "shared credentials file \(shared.credentialsPath) (profile \(profile))")
        {
            return found
        }
        if let command = settings["credential_process"] {
            return try await processRunner.run(command: command, profile: profile)
        }
        return try staticKeys(
            shared.configFileSettings(profile: profile),
            source: "config file \(shared.configPath) (profile \(profile))")
    }

    func staticKeys(_ settings: [String: String], source: String) throws -> ResolvedCredentials? {
        let key = settings["aws_access_key_id"]
        let secret = settings["aws_secret_access_key"]
        if key == nil && secret == nil { return nil }
        guard let key, let secret, !key.isEmpty, !secret.isEmpty else {
            throw CredentialError("\(source) sets only one of aws_access_key_id and aws_secret_access_key; set both")
        }
        let token = settings["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
        return ResolvedCredentials(
            credentials: AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token), source: source)
    }

    func assumeRole(roleARN: String, profile: String, settings: [String: String], visited: [String]) async throws
        -> ResolvedCredentials
    {
        guard let sourceProfile = settings["source_profile"] else {
            if let source = settings["credential_source"] {
                throw CredentialError(
                    "profile \(profile): credential_source = \(source) is not supported by mirrorplan; use source_profile"
                )
            }
            throw CredentialError("profile \(profile) sets role_arn but no source_profile; add source_profile = NAME")
        }
        // A source profile that itself has keys is used for its keys, not for its own role (botocore's rule).
        let sourceSettings = shared.settings(profile: sourceProfile)
        guard shared.hasProfile(sourceProfile) else {
            throw CredentialError("profile \(profile): source_profile \(sourceProfile) is not defined")
        }
        let base: ResolvedCredentials?
        if sourceSettings["aws_access_key_id"] != nil {
            base = try staticKeys(sourceSettings, source: "profile \(sourceProfile)")
        } else {
            base = try await resolve(profile: sourceProfile, visited: visited + [profile])
        }
        guard let base else {
            throw CredentialError("profile \(profile): source_profile \(sourceProfile) has no credentials")
        }
        let endpointText =
            environment["AWS_ENDPOINT_URL_STS"] ?? environment["AWS_ENDPOINT_URL"]
            ?? "https://sts.\(region).\(region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com")"
        let endpoint = try AWSConfiguration.validatedEndpoint(endpointText, source: "the STS endpoint")
        let client = QueryClient(
            service: QueryService(signingName: "sts", version: "2011-06-15", endpoint: endpoint, region: region),
            transport: transport, credentials: StaticCredentialProvider(base.credentials, source: base.source),
            retry: RetryController(configuration: RetryConfiguration(), environment: clientEnvironment),
            environment: clientEnvironment)
        var parameters = QueryParameters()
        parameters.add("RoleArn", roleARN)
        parameters.add(
            "RoleSessionName",
            settings["role_session_name"] ?? "mirrorplan-\(Int(clientEnvironment.now().timeIntervalSince1970))")
        parameters.add("ExternalId", settings["external_id"])
        parameters.add("DurationSeconds", settings["duration_seconds"].flatMap { Int($0) })
        let root = try await client.call(
            QueryRequest(action: "AssumeRole", version: "2011-06-15", parameters: parameters))
        guard let node = root["AssumeRoleResult", "Credentials"], let key = node.string("AccessKeyId"),
            let secret = node.string("SecretAccessKey")
        else { throw EC2ClientError.missingElement(action: "AssumeRole", "AssumeRoleResult/Credentials") }
        return ResolvedCredentials(
            credentials: AWSCredentials(
                accessKeyID: key, secretAccessKey: secret, sessionToken: node.string("SessionToken"),
                expiration: node.string("Expiration").flatMap(ISO8601.parse)),
            source: "role \(roleARN) assumed with profile \(sourceProfile) (profile \(profile))")
    }
}

/// ISO 8601 timestamps as AWS writes them (with or without fractional seconds).
enum ISO8601 {
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
