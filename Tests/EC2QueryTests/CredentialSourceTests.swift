import Foundation
import MirrorPlanTestSupport
import Synchronization
import Testing

@testable import EC2Query

/// Credential sources with temporary files and loopback stand-ins for STS and IMDS.
@Suite struct CredentialSourceTests {
    /// A temporary ~/.aws with the given files; removed by the caller.
    struct AWSDirectory {
        let root: URL
        init(config: String, credentials: String) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("mp-aws-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(".aws"), withIntermediateDirectories: true)
            try config.write(to: root.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8)
            try credentials.write(
                to: root.appendingPathComponent(".aws/credentials"), atomically: true, encoding: .utf8)
        }
        var environment: [String: String] { ["HOME": root.path, "AWS_EC2_METADATA_DISABLED": "true"] }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    func chainCredentials(
        _ environment: [String: String], profile: String? = nil,
        transport: any HTTPTransport = ScriptedTransport([])
    ) async throws -> ResolvedCredentials {
        let (client, _) = try EC2Client.configured(
            overrides: AWSConfiguration.Overrides(region: "us-east-1", profile: profile), environment: environment,
            transport: transport, clientEnvironment: TestClients.environment())
        let chain = try #require(client.query.credentials as? CredentialChain)
        return try await chain.credentials()
    }

    @Test("environment keys come first, unless --profile is given")
    func environmentFirst() async throws {
        let dir = try AWSDirectory(
            config: "[profile dev]\nregion = eu-west-1\n",
            credentials:
                "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = filesecret\n[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = devsecret\n"
        )
        defer { dir.remove() }
        var env = dir.environment
        env["AWS_ACCESS_KEY_ID"] = "AKIDENV"
        env["AWS_SECRET_ACCESS_KEY"] = "envsecret"
        env["AWS_SESSION_TOKEN"] = "envtoken"
        let fromEnv = try await chainCredentials(env)
        #expect(fromEnv.credentials.accessKeyID == "AKIDENV")
        #expect(fromEnv.credentials.sessionToken == "envtoken")
        #expect(fromEnv.source == "environment variables")
        let fromProfile = try await chainCredentials(env, profile: "dev")
        #expect(fromProfile.credentials.accessKeyID == "AKIDDEV")
        #expect(fromProfile.source.contains("shared credentials file"))
        env["AWS_ACCESS_KEY_ID"] = nil
        env["AWS_SECRET_ACCESS_KEY"] = nil
        #expect(try await chainCredentials(env).credentials.accessKeyID == "AKIDFILE")
        env["AWS_PROFILE"] = "dev"
        #expect(try await chainCredentials(env).credentials.accessKeyID == "AKIDDEV")
    }

    @Test("only a key id in the environment is an error that names what is missing and hides nothing secret")
    func partialEnvironment() async throws {
        let provider = EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "AKID"])
        let error = try await #require(throws: CredentialError.self) { try await provider.resolve() }
        #expect(error.description.contains("AWS_SECRET_ACCESS_KEY"))
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE and keys in the config file")
    func alternateFiles() async throws {
        let dir = try AWSDirectory(config: "", credentials: "")
        defer { dir.remove() }
        let config = dir.root.appendingPathComponent("other-config")
        try "[profile ops]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfgsecret\n".write(
            to: config, atomically: true, encoding: .utf8)
        var env = dir.environment
        env["AWS_CONFIG_FILE"] = config.path
        env["AWS_SHARED_CREDENTIALS_FILE"] = dir.root.appendingPathComponent("missing").path
        let resolved = try await chainCredentials(env, profile: "ops")
        #expect(resolved.credentials.accessKeyID == "AKIDCFG")
        #expect(resolved.source.contains("config file"))
    }

    @Test("credential_process output is used, and a failing one never echoes its output")
    func credentialProcess() async throws {
        let dir = try AWSDirectory(
            config: """
                [profile proc]
                credential_process = printf '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "procsecret", "SessionToken": "proctoken", "Expiration": "2099-01-01T00:00:00Z"}'
                [profile broken]
                credential_process = printf 'SecretAccessKey=leakedsecret not json'
                [profile failing]
                credential_process = sh -c 'echo boom >&2; exit 3'
                """, credentials: "")
        defer { dir.remove() }
        let resolved = try await chainCredentials(dir.environment, profile: "proc")
        #expect(resolved.credentials.accessKeyID == "AKIDPROC")
        #expect(resolved.credentials.sessionToken == "proctoken")
        #expect(resolved.credentials.expiration == ISO8601.parse("2099-01-01T00:00:00Z"))
        let broken = try await #require(throws: CredentialError.self) {
            try await chainCredentials(dir.environment, profile: "broken")
        }
        #expect(!broken.description.contains("leakedsecret"))
        #expect(broken.description.contains("credential_process of profile broken"))
        let failing = try await #require(throws: CredentialError.self) {
            try await chainCredentials(dir.environment, profile: "failing")
        }
        #expect(failing.description.contains("status 3"))
        #expect(failing.description.contains("boom"))
    }

    @Test("role_arn + source_profile calls STS AssumeRole, signed with the source keys")
    func assumeRole() async throws {
        let sourceKeys = AWSCredentials(accessKeyID: "AKIDSRC", secretAccessKey: "srcsecret")
        let verified = Mutex<[String]>([])
        let sts = try LoopbackHTTPServer { request in
            let received = SigV4Request(
                method: request.method, path: request.path,
                headers: request.headers.map { SigV4Header(name: $0.key, value: $0.value) },
                body: request.body)
            if (try? SigV4Signer.verify(received, credentials: sourceKeys, service: "sts")) != nil {
                verified.withLock { $0.append(String(decoding: request.body, as: UTF8.self)) }
            }
            return HTTPResponse(
                status: 200,
                body: Data(
                    """
                    <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
                    <AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>rolesecret</SecretAccessKey><SessionToken>roletoken</SessionToken>
                    <Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>
                    <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>
                    """.utf8))
        }
        defer { sts.stop() }
        let dir = try AWSDirectory(
            config:
                "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/mirror\nsource_profile = base\nrole_session_name = mp-test\n",
            credentials: "[base]\naws_access_key_id = AKIDSRC\naws_secret_access_key = srcsecret\n")
        defer { dir.remove() }
        var env = dir.environment
        env["AWS_ENDPOINT_URL_STS"] = sts.baseURL.absoluteString
        let resolved = try await chainCredentials(env, profile: "admin", transport: URLSessionTransport(timeout: 5))
        #expect(resolved.credentials.accessKeyID == "ASIAROLE")
        #expect(resolved.credentials.sessionToken == "roletoken")
        #expect(resolved.source.contains("role arn:aws:iam::123456789012:role/mirror"))
        let bodies = verified.withLock { $0 }
        #expect(
            bodies == [
                "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fmirror&RoleSessionName=mp-test"
            ])
    }

    @Test("IMDSv2: token PUT, role name, role credentials with the token")
    func imdsV2() async throws {
        let imds = try LoopbackHTTPServer { request in
            switch (request.method, request.path) {
            case ("PUT", "/latest/api/token"):
                return HTTPResponse(
                    status: request.headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600" ? 200 : 400,
                    body: Data("TOKEN-1".utf8))
            case ("GET", _) where request.headers["x-aws-ec2-metadata-token"] != "TOKEN-1":
                return HTTPResponse(status: 401)
            case ("GET", "/latest/meta-data/iam/security-credentials/"):
                return HTTPResponse(status: 200, body: Data("mirror-role\n".utf8))
            case ("GET", "/latest/meta-data/iam/security-credentials/mirror-role"):
                return HTTPResponse(
                    status: 200,
                    body: Data(
                        """
                        {"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": "ASIAIMDS", "SecretAccessKey": "imdssecret",
                         "Token": "imdstoken", "Expiration": "2099-01-01T00:00:00Z"}
                        """.utf8))
            default:
                return HTTPResponse(status: 404)
            }
        }
        defer { imds.stop() }
        let dir = try AWSDirectory(config: "", credentials: "")
        defer { dir.remove() }
        var env = dir.environment
        env["AWS_EC2_METADATA_DISABLED"] = nil
        env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.baseURL.absoluteString
        let resolved = try await chainCredentials(env, transport: URLSessionTransport(timeout: 5))
        #expect(resolved.credentials.accessKeyID == "ASIAIMDS")
        #expect(resolved.credentials.sessionToken == "imdstoken")
        #expect(resolved.source == "instance role mirror-role (IMDS)")
        #expect(
            imds.requests.map { "\($0.method) \($0.path)" } == [
                "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
                "GET /latest/meta-data/iam/security-credentials/mirror-role",
            ])
    }

    @Test("no source at all gives an error that lists where it looked")
    func nothingFound() async throws {
        let dir = try AWSDirectory(config: "", credentials: "")
        defer { dir.remove() }
        let error = try await #require(throws: CredentialError.self) { try await chainCredentials(dir.environment) }
        #expect(error.description.contains("environment variables"))
        #expect(error.description.contains("profile default"))
    }

    @Test("the chain caches and refreshes temporary credentials before they expire")
    func cachingAndRefresh() async throws {
        final class Counting: CredentialProvider {
            let calls = Mutex(0)
            let now: @Sendable () -> Date
            init(now: @escaping @Sendable () -> Date) { self.now = now }
            func resolve() async throws -> ResolvedCredentials? {
                let n = calls.withLock {
                    $0 += 1
                    return $0
                }
                return ResolvedCredentials(
                    credentials: AWSCredentials(
                        accessKeyID: "AKID\(n)", secretAccessKey: "s", expiration: now().addingTimeInterval(3600)),
                    source: "counting")
            }
            var description: String { "counting" }
        }
        let clock = Mutex(Date(timeIntervalSince1970: 0))
        let now: @Sendable () -> Date = { clock.withLock { $0 } }
        let provider = Counting(now: now)
        let chain = CredentialChain(providers: [provider], now: now)
        #expect(try await chain.credentials().credentials.accessKeyID == "AKID1")
        clock.withLock { $0 = $0.addingTimeInterval(2000) }
        #expect(try await chain.credentials().credentials.accessKeyID == "AKID1")  // 1600 s left: cached
        clock.withLock { $0 = $0.addingTimeInterval(1100) }
        #expect(try await chain.credentials().credentials.accessKeyID == "AKID2")  // 500 s left: refreshed
        #expect(provider.calls.withLock { $0 } == 2)
    }
}

@Suite struct IMDSFallbackTests {
    @Test("IMDSv1 fallback when the token PUT is refused with 405; an instance without a role is 'not configured'")
    func v1FallbackAndNoRole() async throws {
        let imds = try LoopbackHTTPServer { request in
            switch (request.method, request.path) {
            case ("PUT", _): return HTTPResponse(status: 405)
            case ("GET", "/latest/meta-data/iam/security-credentials/"): return HTTPResponse(status: 404)
            default: return HTTPResponse(status: 500)
            }
        }
        defer { imds.stop() }
        let provider = IMDSCredentialProvider(endpoint: imds.baseURL, transport: URLSessionTransport(timeout: 5))
        #expect(try await provider.resolve() == nil)
        #expect(imds.requests.count == 2)
        #expect(imds.requests[1].headers["x-aws-ec2-metadata-token"] == nil)
        let strict = IMDSCredentialProvider(
            endpoint: imds.baseURL, transport: URLSessionTransport(timeout: 5), allowV1: false)
        await #expect(throws: CredentialError.self) { try await strict.resolve() }
    }

    @Test("no metadata service listening: the provider steps aside at once")
    func noService() async throws {
        let port = try LoopbackListener.freePort()
        // Timeouts far above the bound: finishing well inside it shows a refused connection is taken as
        // "no IMDS here" at once, not after waiting out a timeout (a generous bound keeps a loaded CI green).
        let provider = IMDSCredentialProvider(
            endpoint: URL(string: "http://127.0.0.1:\(port)")!, transport: URLSessionTransport(timeout: 60), timeout: 60
        )
        let started = Date()
        #expect(try await provider.resolve() == nil)
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
