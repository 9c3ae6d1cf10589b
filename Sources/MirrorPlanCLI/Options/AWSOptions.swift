import ArgumentParser
import EC2Query
import Foundation

/// The AWS flags every command that calls EC2 shares (`@OptionGroup var aws: AWSOptions`).
public struct AWSOptions: ParsableArguments, Sendable {
    @Option(help: "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region).")
    public var region: String?

    @Option(help: "The shared-config profile to use (default: AWS_PROFILE, then 'default').")
    public var profile: String?

    @Option(
        name: .customLong("endpoint-url"),
        help: "Send EC2 requests to this URL instead of AWS (https, or http on loopback only).")
    public var endpointURL: String?

    @Flag(help: "Print every AWS request and response on stderr, with credentials redacted.")
    public var debug = false

    public init() {}

    public var overrides: AWSConfiguration.Overrides {
        AWSConfiguration.Overrides(region: region, profile: profile, endpointURL: endpointURL)
    }

    /// The configured EC2 client, reading the process environment and the shared AWS files.
    /// Configuration problems become a `ValidationError`-style message on exit code 1 through the caller.
    public func makeClient(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any HTTPTransport = URLSessionTransport()
    ) throws -> (client: EC2Client, configuration: AWSConfiguration) {
        try EC2Client.configured(
            overrides: overrides, environment: environment, transport: transport,
            logger: debug ? HTTPExchangeLogger.standardError : nil)
    }
}
