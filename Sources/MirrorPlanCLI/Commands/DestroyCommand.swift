import ArgumentParser
import Foundation
import MirrorPlanEngine
import MirrorPlanModel

/// `mirrorplan destroy FILE`: deletes every resource the manifest's stack owns (and nothing else).
struct DestroyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Delete every resource the stack owns, in dependency order.",
        discussion: """
            Only resources tagged mirrorplan:stack=<stack> are deleted: sessions first, then rules, then filters \
            and targets. A target or filter still used by a session the stack does not own is refused. Asks for \
            'yes' on a terminal unless --auto-approve. Exit status 0 when nothing of the stack is left, 1 otherwise.
            """)

    @Argument(help: "The manifest whose stack to destroy.")
    var file: String

    @Flag(help: "Destroy without asking for confirmation.")
    var autoApprove = false

    @Option(help: "Output format: text or json.")
    var format: PlanFormat = .text

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let desired = try ManifestInput.load(file, colour: connection.colour(for: STDERR_FILENO))
        let reconciler = try connection.reconciler(stack: desired.stack, manifestRegion: desired.region)
        let prepared: StackReconciler.Prepared
        do { prepared = try await reconciler.plan(records: []) } catch { throw CommandFailure.report(error) }
        let identity = PlanIdentity(plan: prepared.plan, desired: [], nonce: UUID().uuidString)
        try await ApplyRun(
            reconciler: reconciler, prepared: prepared, identity: identity, connection: connection, format: format,
            confirmation: autoApprove ? nil : "Do you really want to destroy every resource of stack \(desired.stack)?",
            destroying: true
        ).run()
    }
}
