import ArgumentParser
import EC2Query
import Foundation
import MirrorLab

/// `--lab [DIR]` / `MIRRORPLAN_LAB=DIR` for verify and the `lab up|down|status` commands: the embedded lab and
/// the client that talks to it in-process. `ConnectionOptions` (plan/apply/destroy) includes it next to the AWS
/// flags, which verify and the lab commands do not use.
struct LabOptions: ParsableArguments {
    @Option(
        name: .customLong("lab"), defaultAsFlag: LabTransport.defaultDirectory,
        help: ArgumentHelp(
            "Use the embedded EC2 emulator, its state in DIR (default .mirrorplan/lab); MIRRORPLAN_LAB=DIR does the "
                + "same. Without DIR, put --lab after the manifest.",
            valueName: "DIR"))
    var lab: String?

    /// The lab's fixed identity: it accepts any credentials, and these never leave the process.
    static let labEnvironment = [
        "AWS_ACCESS_KEY_ID": "AKIDMIRRORPLANLAB", "AWS_SECRET_ACCESS_KEY": "mirrorplan-lab-secret",
        "AWS_REGION": "us-east-1",
    ]

    /// `--lab`, else `MIRRORPLAN_LAB`; nil when neither is given.
    var labDirectory: String? {
        if let lab { return lab }
        let variable = ProcessInfo.processInfo.environment["MIRRORPLAN_LAB"] ?? ""
        return variable.isEmpty ? nil : variable
    }

    /// The lab directory for the `lab` commands, which always mean the embedded lab.
    var directoryOrDefault: URL { URL(fileURLWithPath: labDirectory ?? LabTransport.defaultDirectory) }

    /// The lab's transport (with its data plane when `lab up` started one).
    static func transport(for directory: String) throws -> LabTransport {
        do { return try LabTransport.forLabDirectory(directory) } catch {
            throw CommandFailure("cannot open the lab in \(directory): \(error)")
        }
    }

    /// The EC2 client over the lab's in-process transport: the whole SigV4 → Query → XML path, no network.
    static func client(over transport: LabTransport, debug: Bool = false) throws -> EC2Client {
        do {
            return try EC2Client.configured(
                overrides: AWSConfiguration.Overrides(region: nil, profile: nil, endpointURL: "http://127.0.0.1:4566"),
                environment: labEnvironment, transport: transport,
                logger: debug ? HTTPExchangeLogger.standardError : nil
            ).client
        } catch {
            throw CommandFailure("cannot set up the lab client: \(error)")
        }
    }
}
