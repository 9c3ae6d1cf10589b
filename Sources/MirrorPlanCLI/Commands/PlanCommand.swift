import ArgumentParser
import Foundation
import MirrorPlanEngine
import MirrorPlanModel

/// `mirrorplan plan FILE`: reads live state and prints what apply would do.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change to make the live stack match the manifest.",
        discussion: """
            Exit status: 0 on success (with --detailed-exitcode: 0 only when there are no changes, 2 when there \
            are), 1 on an invalid manifest, an API error, or a plan that cannot be applied.
            """)

    @Argument(help: "The manifest.")
    var file: String

    @Option(help: "Also save the plan (JSON) to this file, for `mirrorplan apply PLANFILE`.")
    var out: String?

    @Flag(help: "Exit 2 when the plan has changes, 0 when it has none.")
    var detailedExitcode = false

    @Option(help: "Output format: text or json.")
    var format: PlanFormat = .text

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let desired = try ManifestInput.load(file, colour: connection.colour(for: STDERR_FILENO))
        let prepared: StackReconciler.Prepared
        do {
            prepared = try await connection.reconciler(stack: desired.stack, manifestRegion: desired.region).plan(
                desired)
        } catch {
            throw CommandFailure.report(error)
        }
        let identity = PlanIdentity(plan: prepared.plan, desired: prepared.desired, nonce: UUID().uuidString)
        let document = PlanDocument(prepared.plan, identity: identity, desired: prepared.desired)
        switch format {
        case .text:
            print(PlanTextRenderer(color: connection.colour(for: STDOUT_FILENO)).render(prepared.plan), terminator: "")
        case .json: print(String(decoding: try document.encoded(), as: UTF8.self))
        }
        if let out {
            do { try document.encoded().write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw CommandFailure.report(
                    CommandFailure("cannot write the plan to \(out): \(error.localizedDescription)"))
            }
            if format == .text {
                FileHandle.standardError.write(
                    Data("Saved the plan to \(out); apply it with `mirrorplan apply \(out)`.\n".utf8))
            }
        }
        if !prepared.plan.problems.isEmpty { throw ExitCode.failure }
        if detailedExitcode && !prepared.plan.isEmpty { throw ExitCode(2) }
    }
}
