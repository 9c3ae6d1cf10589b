import Foundation
import Testing

@testable import EC2Query

@Suite struct ConfigurationTests {
    static let shared = SharedConfig(
        configText: """
            [default]
            region = eu-central-1
            [profile dev]
            region = us-west-2
            endpoint_url = https://dev-endpoint.example
            services = local
            # comment
            ; other comment
            [profile plain]
            region = cn-north-1
            [profile global]
            region = ap-south-1
            endpoint_url = https://global.example
            [services local]
            ec2 =
              endpoint_url = http://127.0.0.1:4566
            sts =
              endpoint_url = http://127.0.0.1:9999
            """,
        credentialsText: "[dev]\nregion = us-east-2\n")

    func resolve(_ overrides: AWSConfiguration.Overrides = .init(), _ environment: [String: String] = [:]) throws
        -> AWSConfiguration
    {
        try AWSConfiguration.resolve(overrides: overrides, environment: environment, shared: Self.shared)
    }

    @Test("region: --region, AWS_REGION, AWS_DEFAULT_REGION, then the profile")
    func regionOrder() throws {
        let env = ["AWS_REGION": "r-env", "AWS_DEFAULT_REGION": "r-default"]
        #expect(try resolve(.init(region: "r-flag"), env).region == "r-flag")
        #expect(try resolve(.init(), env).region == "r-env")
        #expect(try resolve(.init(), ["AWS_DEFAULT_REGION": "r-default"]).region == "r-default")
        #expect(try resolve().region == "eu-central-1")
        #expect(try resolve(.init(profile: "dev")).region == "us-east-2")  // credentials file wins over config
        #expect(throws: AWSConfigurationError.noRegion) {
            try AWSConfiguration.resolve(
                overrides: .init(), environment: [:], shared: SharedConfig(configText: "", credentialsText: ""))
        }
    }

    @Test(
        "endpoint: --endpoint-url, AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL, services section, profile endpoint_url, default"
    )
    func endpointOrder() throws {
        let env = ["AWS_ENDPOINT_URL_EC2": "https://ec2-env.example", "AWS_ENDPOINT_URL": "https://all-env.example"]
        #expect(
            try resolve(.init(profile: "dev", endpointURL: "https://flag.example"), env).endpoint.absoluteString
                == "https://flag.example")
        #expect(try resolve(.init(profile: "dev"), env).endpoint.absoluteString == "https://ec2-env.example")
        #expect(
            try resolve(.init(profile: "dev"), ["AWS_ENDPOINT_URL": "https://all-env.example"]).endpoint.absoluteString
                == "https://all-env.example")
        let services = try resolve(.init(profile: "dev"))
        #expect(services.endpoint.absoluteString == "http://127.0.0.1:4566")
        #expect(services.endpointSource == "the services section of profile dev")
        #expect(try resolve(.init(profile: "global")).endpoint.absoluteString == "https://global.example")
        #expect(
            try resolve(.init(profile: "global"), ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]).endpoint
                .absoluteString
                == "https://ec2.ap-south-1.amazonaws.com")
        #expect(try resolve().endpoint.absoluteString == "https://ec2.eu-central-1.amazonaws.com")
        #expect(
            try resolve(.init(profile: "plain")).endpoint.absoluteString == "https://ec2.cn-north-1.amazonaws.com.cn")
    }

    @Test(
        "plain http only to loopback; other schemes and relative URLs refused",
        arguments: [
            ("http://127.0.0.1:4566", true), ("http://127.8.9.10", true), ("http://localhost:5000", true),
            ("http://[::1]:80", true),
            ("https://ec2.example.com", true), ("http://ec2.example.com", false), ("http://10.0.0.1:4566", false),
            ("http://127.0.0.1.evil.com", false), ("ftp://127.0.0.1", false), ("not a url", false),
            ("/relative", false),
        ])
    func endpointValidation(url: String, allowed: Bool) {
        let result = Result { () throws(AWSConfigurationError) -> URL in
            try AWSConfiguration.validatedEndpoint(url, source: "test")
        }
        #expect(((try? result.get()) != nil) == allowed)
    }

    @Test("an explicitly chosen profile that does not exist is an error naming the files")
    func missingProfile() {
        let error = #expect(throws: AWSConfigurationError.self) {
            try resolve(.init(region: "us-east-1", profile: "nope"))
        }
        #expect(error?.description.contains("profile 'nope' is not defined") == true)
    }

    @Test("retry settings come from the environment or the profile")
    func retrySettings() throws {
        #expect(try resolve(.init(), ["AWS_MAX_ATTEMPTS": "5"]).retry.maxAttempts == 5)
        let shared = SharedConfig(
            configText: "[default]\nregion = us-east-1\nmax_attempts = 6\nretry_mode = adaptive\n", credentialsText: "")
        let configuration = try AWSConfiguration.resolve(overrides: .init(), environment: [:], shared: shared)
        #expect(configuration.retry == RetryConfiguration(mode: .adaptive, maxAttempts: 6))
    }

    @Test("the INI reader: nested blocks, comments, CRLF, [default] vs [profile default]")
    func iniReader() {
        let ini = INIFile(
            text: "[profile default]\r\nregion = x\r\n[services s]\r\nec2 =\r\n  endpoint_url = http://localhost\r\n")
        #expect(ini["profile default"]?.values["region"] == "x")
        #expect(ini["services s"]?.nested["ec2"]?["endpoint_url"] == "http://localhost")
        let shared = SharedConfig(configText: "[profile default]\nregion = y\n", credentialsText: "")
        #expect(shared.settings(profile: "default")["region"] == "y")
    }
}
