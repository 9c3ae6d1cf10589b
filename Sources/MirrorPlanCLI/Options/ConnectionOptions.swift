import ArgumentParser
import EC2Query
import Foundation
import MirrorLab
import MirrorPlanEngine

/// Where plan/apply/destroy talk to: AWS (the AWSOptions) or the embedded lab (`--lab [DIR]`,
/// `MIRRORPLAN_LAB=DIR`), plus the colour switch these commands share.
struct ConnectionOptions: ParsableArguments {
    @OptionGroup var aws: AWSOptions

    @OptionGroup var labOptions: LabOptions

    @Flag(help: "Never colour the output (NO_COLOR does the same).")
    var noColor = false

    @Option(
        help: "Seconds to wait for each EC2 answer before the request counts as failed and is retried (default 60).")
    var readTimeout: Double?

    func validate() throws {
        if let readTimeout, !(readTimeout > 0 && readTimeout <= 3600) {
            throw ValidationError("--read-timeout must be a number of seconds between 0 and 3600, e.g. 5.")
        }
    }

    var labDirectory: String? { labOptions.labDirectory }

    /// The client for a stack whose manifest may name a region (`--region` wins over it, the environment loses).
    func makeClient(manifestRegion: String?) throws -> EC2Client {
        var environment = ProcessInfo.processInfo.environment
        var overrides = aws.overrides
        overrides.region = aws.region ?? manifestRegion
        var transport: any HTTPTransport = URLSessionTransport(timeout: readTimeout ?? 60)
        if let directory = labDirectory {
            transport = try LabOptions.transport(for: directory)
            // Nothing from the real AWS setup applies: fixed credentials, a loopback endpoint that the
            // transport answers in-process, us-east-1 unless a region is given.
            environment = LabOptions.labEnvironment
            if let region = overrides.region { environment["AWS_REGION"] = region }
            overrides.profile = nil
            overrides.endpointURL = "http://127.0.0.1:4566"
        }
        do {
            return try EC2Client.configured(
                overrides: overrides, environment: environment, transport: transport,
                logger: aws.debug ? HTTPExchangeLogger.standardError : nil
            ).client
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    func reconciler(stack: String, manifestRegion: String?) throws -> StackReconciler {
        StackReconciler(client: try makeClient(manifestRegion: manifestRegion), stack: stack)
    }

    /// Colour only on a terminal, never with --no-color or NO_COLOR (https://no-color.org).
    func colour(for descriptor: Int32) -> Bool {
        let noColorVariable = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return !noColor && !noColorVariable && isatty(descriptor) == 1
    }
}
