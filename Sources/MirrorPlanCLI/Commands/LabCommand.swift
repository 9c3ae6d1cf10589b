import ArgumentParser

/// `mirrorplan lab …`: the local EC2 emulator.
struct LabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "The local EC2 traffic-mirroring emulator.",
        discussion:
            "`--lab [DIR]` on other commands runs it in-process; `lab serve` runs it as an HTTP endpoint for the AWS CLI, boto3 or any SDK.",
        subcommands: [LabServeCommand.self, LabUpCommand.self, LabDownCommand.self, LabStatusCommand.self])
}
