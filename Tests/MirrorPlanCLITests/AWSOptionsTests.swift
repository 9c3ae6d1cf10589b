import EC2Query
import Foundation
import Testing

@testable import MirrorPlanCLI

@Suite struct AWSOptionsTests {
    @Test("the option group parses --region, --profile, --endpoint-url and --debug and builds the client")
    func buildsClient() throws {
        let options = try AWSOptions.parse([
            "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:4566", "--debug",
        ])
        #expect(options.debug)
        let (client, configuration) = try options.makeClient(environment: [
            "HOME": "/nonexistent", "AWS_EC2_METADATA_DISABLED": "true",
        ])
        #expect(client.region == "eu-west-1")
        #expect(client.endpoint.absoluteString == "http://127.0.0.1:4566")
        #expect(configuration.endpointSource == "--endpoint-url")
    }

    @Test("a plain-http endpoint that is not loopback is refused with a message that says why")
    func refusesRemoteHTTP() throws {
        let options = try AWSOptions.parse(["--region", "us-east-1", "--endpoint-url", "http://ec2.example.com"])
        let error = #expect(throws: AWSConfigurationError.self) {
            try options.makeClient(environment: ["HOME": "/nonexistent"])
        }
        #expect(error?.description.contains("plain http is allowed only for loopback") == true)
    }
}
