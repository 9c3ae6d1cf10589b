import ArgumentParser
import Foundation
import MirrorPlanEngine
import MirrorPlanModel

/// What apply and destroy share once they have a plan: show it, get approval, run it with progress, report.
struct ApplyRun {
    var reconciler: StackReconciler
    var prepared: StackReconciler.Prepared
    var identity: PlanIdentity
    var connection: ConnectionOptions
    var format: PlanFormat
    /// nil: already approved (a saved plan, or --auto-approve).
    var confirmation: String?
    /// destroy: an empty plan means the stack owns nothing (not that it matches a manifest).
    var destroying = false

    func run() async throws {
        let plan = prepared.plan
        if format == .text {
            if destroying && plan.isEmpty {
                print("Nothing to destroy: stack \(plan.stack) owns no resources in \(plan.region).")
            } else {
                print(PlanTextRenderer(color: connection.colour(for: STDOUT_FILENO)).render(plan), terminator: "")
            }
        }
        if !plan.problems.isEmpty { throw CommandFailure.report(ApplyError.planHasProblems(plan.problems)) }
        if plan.isEmpty {
            if format == .json { try printJSON(report: ApplyReport()) }
            return
        }
        if let confirmation {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure.report(
                    CommandFailure(
                        "stdin is not a terminal, so apply cannot ask for confirmation; review the plan and pass --auto-approve "
                            + "(or apply a saved plan: `mirrorplan plan FILE --out PLANFILE`, then `mirrorplan apply PLANFILE`)"
                    ))
            }
            FileHandle.standardError.write(
                Data("\n\(confirmation)\n  Only 'yes' will be accepted.\n\n  Enter a value: ".utf8))
            guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
                throw CommandFailure.report(CommandFailure("cancelled: nothing was changed"))
            }
        }
        let graph = OperationGraph.build(
            plan: plan, desired: prepared.desired, live: prepared.observed.live,
            foreign: prepared.observed.foreignSessions)
        let printer = ApplyProgressPrinter(
            total: graph.operations.count, terminal: isatty(STDERR_FILENO) == 1,
            colour: connection.colour(for: STDERR_FILENO))
        do {
            let report = try await reconciler.apply(prepared, identity: identity, progress: printer.record)
            if format == .json {
                try printJSON(report: report)
            } else {
                let summary = plan.summary
                if destroying {
                    print("\nDestroy complete! Resources: \(summary.delete) destroyed.")
                } else {
                    print(
                        "\nApply complete! Resources: \(summary.create) added, \(summary.update) changed, "
                            + "\(summary.replace) replaced, \(summary.delete) destroyed.")
                }
            }
        } catch let incomplete as ApplyIncomplete {
            if format == .json { try printJSON(report: incomplete.report) }
            var text = ""
            for entry in incomplete.report.failed { text += "failed: \(entry.line)\n" }
            FileHandle.standardError.write(Data(text.utf8))
            throw CommandFailure.report(incomplete)
        } catch {
            throw CommandFailure.report(error)
        }
    }

    func printJSON(report: ApplyReport) throws {
        struct Step: Encodable {
            var operation: String
            var outcome: String
            var createdId: String?
            var error: String?
            var seconds: Double
        }
        struct Output: Encodable {
            var plan: PlanDocument
            var steps: [Step]
        }
        let steps = report.entries.map { entry -> Step in
            switch entry.outcome {
            case .done(let id):
                Step(operation: "\(entry.operation)", outcome: "done", createdId: id, seconds: entry.seconds)
            case .failed(let message):
                Step(operation: "\(entry.operation)", outcome: "failed", error: message, seconds: entry.seconds)
            case .skipped(let reason):
                Step(operation: "\(entry.operation)", outcome: "skipped", error: reason, seconds: 0)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(
            String(decoding: try encoder.encode(Output(plan: PlanDocument(prepared.plan), steps: steps)), as: UTF8.self)
        )
    }
}
