import Foundation

/// `~/.aws/config` and `~/.aws/credentials` (or `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`), parsed.
/// A profile's settings are the config file's `[profile NAME]` (`[default]` for default) overlaid with the
/// credentials file's `[NAME]`, as botocore merges them.
public struct SharedConfig: Sendable, Hashable {
    public var configFile: INIFile
    public var credentialsFile: INIFile
    public var configPath: String
    public var credentialsPath: String

    public init(
        configText: String, credentialsText: String, configPath: String = "~/.aws/config",
        credentialsPath: String = "~/.aws/credentials"
    ) {
        configFile = INIFile(text: configText)
        credentialsFile = INIFile(text: credentialsText)
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    /// Reads the files the environment points to; missing files are empty.
    public static func load(environment: [String: String]) throws(AWSConfigurationError) -> SharedConfig {
        let home = environment["HOME"] ?? NSHomeDirectory()
        func expand(_ path: String) -> String { path.hasPrefix("~/") ? home + path.dropFirst(1) : path }
        let configPath = expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config")
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials")
        return SharedConfig(
            configText: try read(configPath), credentialsText: try read(credentialsPath), configPath: configPath,
            credentialsPath: credentialsPath)
    }

    private static func read(_ path: String) throws(AWSConfigurationError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
    }

    func configSection(_ profile: String) -> INIFile.Section? {
        profile == "default"
            ? (configFile["default"] ?? configFile["profile default"]) : configFile["profile \(profile)"]
    }

    /// Whether either file defines the profile.
    public func hasProfile(_ profile: String) -> Bool {
        configSection(profile) != nil || credentialsFile[profile] != nil
    }

    /// A profile's merged settings (credentials file wins).
    public func settings(profile: String) -> [String: String] {
        var merged = configSection(profile)?.values ?? [:]
        for (key, value) in credentialsFile[profile]?.values ?? [:] { merged[key] = value }
        return merged
    }

    /// Settings only from the credentials file (the "shared credentials file" source).
    func credentialsFileSettings(profile: String) -> [String: String] { credentialsFile[profile]?.values ?? [:] }

    /// Settings only from the config file.
    func configFileSettings(profile: String) -> [String: String] { configSection(profile)?.values ?? [:] }

    /// The `[services NAME]` section's `ec2 = / endpoint_url = …` for a profile whose `services = NAME`.
    func serviceEndpoint(profile: String, service: String) -> String? {
        guard let servicesName = settings(profile: profile)["services"] else { return nil }
        return configFile["services \(servicesName)"]?.nested[service]?["endpoint_url"]
    }
}
