import Foundation
import Testing

@testable import EC2Query

/// The client against moto's server with signature checking enforced (moto's IAM authentication after
/// `INITIAL_NO_AUTH_ACTION_COUNT` bootstrap calls): real URLSession, real SigV4 verification by botocore's code.
@Suite(.enabled(if: MotoServer.isAvailable, "needs moto_server (pip install 'moto[server]'); CI installs it"))
struct MotoIntegrationTests {
    /// Creates an IAM user allowed to do everything and returns its access key (3 unauthenticated calls).
    func bootstrapUser(_ moto: MotoServer, logger: HTTPExchangeLogger? = nil) async throws -> AWSCredentials {
        let iam = QueryClient(
            service: QueryService(
                signingName: "iam", version: "2010-05-08", endpoint: moto.endpoint, region: "us-east-1"),
            transport: URLSessionTransport(timeout: 20),
            credentials: StaticCredentialProvider(
                AWSCredentials(accessKeyID: "AKIDBOOTSTRAP", secretAccessKey: "bootstrap")),
            retry: RetryController(configuration: RetryConfiguration(maxAttempts: 1), environment: .live),
            environment: .live, logger: logger)
        func call(_ action: String, _ pairs: [(String, String)]) async throws -> XMLNode {
            var parameters = QueryParameters()
            for (name, value) in pairs { parameters.add(name, value) }
            return try await iam.call(QueryRequest(action: action, version: "2010-05-08", parameters: parameters))
        }
        _ = try await call("CreateUser", [("UserName", "mirrorplan")])
        _ = try await call(
            "PutUserPolicy",
            [
                ("UserName", "mirrorplan"), ("PolicyName", "all"),
                (
                    "PolicyDocument",
                    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
                ),
            ])
        let key = try await call("CreateAccessKey", [("UserName", "mirrorplan")])
        let node = try #require(key["CreateAccessKeyResult", "AccessKey"])
        return AWSCredentials(
            accessKeyID: try #require(node.string("AccessKeyId")),
            secretAccessKey: try #require(node.string("SecretAccessKey")))
    }

    func client(_ moto: MotoServer, _ credentials: AWSCredentials, logger: HTTPExchangeLogger? = nil) throws
        -> EC2Client
    {
        try EC2Client.configured(
            overrides: AWSConfiguration.Overrides(region: "us-east-1"),
            environment: [
                "AWS_ACCESS_KEY_ID": credentials.accessKeyID, "AWS_SECRET_ACCESS_KEY": credentials.secretAccessKey,
                "AWS_ENDPOINT_URL_EC2": moto.endpoint.absoluteString, "AWS_EC2_METADATA_DISABLED": "true",
                "HOME": "/nonexistent", "AWS_MAX_ATTEMPTS": "1",
            ],
            transport: URLSessionTransport(timeout: 20), logger: logger
        ).client
    }

    @Test(
        "creates and describes a mirror target and a filter with correct credentials; AuthFailure with a wrong secret")
    func createDescribeAndAuthFailure() async throws {
        let moto = try await MotoServer(noAuthActions: 3)
        defer { moto.stop() }
        let log = DebugLoggingTests.Lines()
        let user = try await bootstrapUser(moto, logger: log.logger)
        let ec2 = try client(moto, user, logger: log.logger)
        let tags = [EC2Tag(key: "mirrorplan:stack", value: "it")]

        let filter = try await ec2.createTrafficMirrorFilter(
            CreateTrafficMirrorFilterInput(description: "icmp", tags: tags, clientToken: "tok-filter"))
        let target = try await ec2.createTrafficMirrorTarget(
            CreateTrafficMirrorTargetInput(
                networkInterfaceID: "eni-0123456789abcdef0", description: "monitor", tags: tags))
        #expect(!filter.resource.id.isEmpty)
        #expect(!target.resource.id.isEmpty)

        let filters = try await ec2.describeTrafficMirrorFilters()
        let targets = try await ec2.describeTrafficMirrorTargets(ids: [target.resource.id])
        #expect(filters.map(\.id).contains(filter.resource.id))
        #expect(filters.first { $0.id == filter.resource.id }?.description == "icmp")
        #expect(filters.first { $0.id == filter.resource.id }?.tags == tags)
        #expect(targets.map(\.id) == [target.resource.id])
        #expect(targets.first?.networkInterfaceID == "eni-0123456789abcdef0")

        var wrong = user
        wrong.secretAccessKey = "definitely-not-the-secret"
        let error = try await #require(throws: EC2ServiceError.self) {
            try await client(moto, wrong).describeTrafficMirrorTargets()
        }
        #expect(error.code == .authFailure)
        #expect(error.httpStatus == 401)
        #expect(error.description.contains(user.accessKeyID))
        #expect(error.description.contains("environment variables"))
        #expect(!error.description.contains("definitely-not-the-secret"))
        #expect(!error.description.contains(user.secretAccessKey))

        // --debug over the real wire: IAM's CreateAccessKey response carries the new secret; the log must not.
        let text = log.text
        #expect(text.contains("<-- 200 POST \(moto.endpoint.absoluteString)"))
        #expect(text.contains("CreateAccessKeyResponse"))
        #expect(text.contains("<SecretAccessKey><redacted></SecretAccessKey>"))
        #expect(text.contains("Action=CreateTrafficMirrorFilter"))
        #expect(!text.contains(user.secretAccessKey))
        #expect(!text.contains("Signature="))
    }
}
