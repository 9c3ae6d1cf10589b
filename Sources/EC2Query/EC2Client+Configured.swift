import Foundation

extension EC2Client {
    /// The client as the AWS CLI would configure it: region, endpoint, retry settings and the credential chain
    /// (environment unless `--profile` was given, the profile's sources, then IMDS) from the environment and
    /// the shared files. `logger` enables `--debug` output for every exchange, credentials included.
    public static func configured(
        overrides: AWSConfiguration.Overrides, environment: [String: String],
        transport: any HTTPTransport = URLSessionTransport(), clientEnvironment: ClientEnvironment = .live,
        logger: HTTPExchangeLogger? = nil
    ) throws -> (client: EC2Client, configuration: AWSConfiguration) {
        let shared = try SharedConfig.load(environment: environment)
        let configuration = try AWSConfiguration.resolve(overrides: overrides, environment: environment, shared: shared)
        let wire = logger.map { LoggingTransport(wrapping: transport, logger: $0) } ?? transport
        var providers: [any CredentialProvider] = []
        if !configuration.profileIsExplicit {
            providers.append(EnvironmentCredentialProvider(environment: environment))
        }
        providers.append(
            ProfileCredentialProvider(
                profile: configuration.profile, shared: shared, region: configuration.region, environment: environment,
                transport: wire, clientEnvironment: clientEnvironment))
        if let imds = IMDSCredentialProvider.fromEnvironment(environment, transport: wire) { providers.append(imds) }
        let chain = CredentialChain(providers: providers, now: clientEnvironment.now)
        let query = QueryClient(
            service: .ec2(endpoint: configuration.endpoint, region: configuration.region), transport: wire,
            credentials: chain,
            retry: RetryController(configuration: configuration.retry, environment: clientEnvironment),
            environment: clientEnvironment)
        return (EC2Client(query: query), configuration)
    }
}
