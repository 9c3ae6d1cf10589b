import ArgumentParser
import Foundation
import MirrorPlanEngine
import MirrorPlanModel

/// `mirrorplan apply FILE | PLANFILE`: makes the live stack match, then proves it by re-planning.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the live stack match a manifest, or apply a saved plan.",
        discussion: """
            With a manifest, apply plans first and asks for 'yes' on a terminal (--auto-approve skips the question; \
            without a terminal it is required). A saved plan (from `plan --out`) was reviewed already: it is applied \
            only if the live state is still what it was planned against ("stale plan" otherwise, and nothing changes). \
            Exit status 0 when the stack converged, 1 otherwise.
            """)

    @Argument(help: "A manifest, or a plan file written by `mirrorplan plan --out`.")
    var file: String

    @Flag(help: "Apply without asking for confirmation.")
    var autoApprove = false

    @Option(help: "Output format: text or json.")
    var format: PlanFormat = .text

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        if let document = Self.savedPlan(at: file) {
            try await applySaved(document)
            return
        }
        let desired = try ManifestInput.load(file, colour: connection.colour(for: STDERR_FILENO))
        let reconciler = try connection.reconciler(stack: desired.stack, manifestRegion: desired.region)
        let prepared: StackReconciler.Prepared
        do { prepared = try await reconciler.plan(desired) } catch { throw CommandFailure.report(error) }
        let identity = PlanIdentity(plan: prepared.plan, desired: prepared.desired, nonce: UUID().uuidString)
        try await ApplyRun(
            reconciler: reconciler, prepared: prepared, identity: identity, connection: connection, format: format,
            confirmation: autoApprove ? nil : "Do you want to perform these actions on stack \(desired.stack)?"
        ).run()
    }

    /// A plan file is JSON with `formatVersion`; anything else is read as a manifest.
    static func savedPlan(at path: String) -> PlanDocument? {
        guard let data = FileManager.default.contents(atPath: path), data.first == UInt8(ascii: "{") else { return nil }
        return try? PlanDocument.decode(data)
    }

    func applySaved(_ document: PlanDocument) async throws {
        guard let planID = document.planId, let desired = document.desired else {
            throw CommandFailure.report(
                CommandFailure(
                    "\(file) is a plan without its desired state (planId/desired); save plans with `mirrorplan plan FILE --out \(file)`"
                ))
        }
        let reconciler = try connection.reconciler(stack: document.stack, manifestRegion: document.region)
        let prepared: StackReconciler.Prepared
        do { prepared = try await reconciler.plan(records: desired.map(\.record)) } catch {
            throw CommandFailure.report(error)
        }
        guard prepared.plan.observedFingerprint == document.observedFingerprint else {
            throw CommandFailure.report(
                ApplyError.stalePlan(
                    expected: document.observedFingerprint, observed: prepared.plan.observedFingerprint))
        }
        try await ApplyRun(
            reconciler: reconciler, prepared: prepared, identity: PlanIdentity(id: planID), connection: connection,
            format: format, confirmation: nil
        ).run()
    }
}
