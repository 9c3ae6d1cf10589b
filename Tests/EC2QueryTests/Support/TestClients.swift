import Foundation
import Synchronization

@testable import EC2Query

enum TestClients {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let fixedDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    static func environment(
        sleeper: RecordingSleeper = RecordingSleeper(), clock: ManualClock = ManualClock(),
        random: Double = 0.5
    ) -> ClientEnvironment {
        ClientEnvironment(now: { fixedDate }, monotonicSeconds: { clock.now }, random: { random }, sleeper: sleeper)
    }

    static func ec2(
        _ transport: any HTTPTransport, retry: RetryConfiguration = RetryConfiguration(),
        environment: ClientEnvironment = TestClients.environment(), logger: HTTPExchangeLogger? = nil,
        credentials: any CredentialProvider = StaticCredentialProvider(TestClients.credentials, source: "test keys")
    ) -> EC2Client {
        EC2Client(
            query: QueryClient(
                service: .ec2(endpoint: URL(string: "https://ec2.us-east-1.amazonaws.com")!, region: "us-east-1"),
                transport: transport, credentials: credentials,
                retry: RetryController(configuration: retry, environment: environment), environment: environment,
                logger: logger))
    }
}
