import ArgumentParser

/// The root command: a list of subcommands, nothing else (each lives in `Commands/`).
public struct MirrorPlanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mirrorplan",
        abstract: "Declarative, provable AWS VPC Traffic Mirroring.",
        discussion: """
            Describe mirror targets, filters and sessions in a YAML manifest, review the plan, apply it, \
            and prove with `verify` that mirrored packets arrive.
            """,
        version: "0.1.0-dev",
        subcommands: [
            ValidateCommand.self, SchemaCommand.self, PlanCommand.self, ApplyCommand.self, DestroyCommand.self,
            ImportCommand.self, LabCommand.self, VerifyCommand.self,
        ]
    )

    public init() {}
}
