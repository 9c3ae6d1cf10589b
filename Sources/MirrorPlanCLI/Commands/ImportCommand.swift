import ArgumentParser
import Foundation
import MirrorPlanEngine
import MirrorPlanManifest
import MirrorPlanModel

/// `mirrorplan import --stack NAME --target-id … --filter-id … --session-id …`: adopts existing resources
/// into a stack (tags them) and prints the stack's manifest, which plans to "No changes".
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Adopt existing traffic-mirroring resources into a stack: tag them, print the manifest.",
        discussion: """
            The manifest covers everything the stack owns afterwards (what it already owned too), so planning it \
            gives "No changes". A session brings its target and filter along (unless --no-dependencies), a filter \
            its rules. Resources another stack owns are refused. Logical names come from the Name tag (made \
            valid: lower case, other characters as '-'), else from the id. An ENI that is an instance's primary \
            ENI, and whose instance has a Name no other running instance has, is written { instance: NAME }.
            """)

    @Option(help: "The stack to adopt the resources into.")
    var stack: String

    @Option(name: .customLong("target-id"), help: "A traffic mirror target to adopt (tmt-…); repeatable.")
    var targetIDs: [String] = []

    @Option(
        name: .customLong("filter-id"), help: "A traffic mirror filter to adopt with its rules (tmf-…); repeatable.")
    var filterIDs: [String] = []

    @Option(name: .customLong("session-id"), help: "A traffic mirror session to adopt (tms-…); repeatable.")
    var sessionIDs: [String] = []

    @Flag(help: "Refuse instead of also adopting the targets and filters the named sessions use.")
    var noDependencies = false

    @Flag(
        name: .customLong("eni-ids"), help: "Write sources and ENI targets as eni-… ids, never as { instance: NAME }.")
    var eniIDs = false

    @Flag(help: "Print the manifest without tagging anything.")
    var dryRun = false

    @Option(help: "Write the manifest to this file (replacing it) instead of stdout.")
    var out: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard DesiredState.isValidName(stack) else {
            throw ValidationError(
                "--stack '\(stack)' must match \(DesiredState.namePattern) (lower-case letters, digits, '-').")
        }
        guard !(targetIDs.isEmpty && filterIDs.isEmpty && sessionIDs.isEmpty) else {
            throw ValidationError(
                "name at least one resource: --target-id tmt-…, --filter-id tmf-… or --session-id tms-….")
        }
        for (flag, prefix, ids) in [
            ("--target-id", "tmt-", targetIDs), ("--filter-id", "tmf-", filterIDs),
            ("--session-id", "tms-", sessionIDs),
        ] {
            for id in ids where !Self.isID(id, prefix: prefix) {
                throw ValidationError(
                    "\(flag) '\(id)' is not a \(prefix)… id (\(prefix) followed by 8 or 17 lower-case hex digits).")
            }
        }
    }

    static func isID(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let hex = text.dropFirst(prefix.count)
        return (hex.count == 8 || hex.count == 17) && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    func run() async throws {
        let client = try connection.makeClient(manifestRegion: nil)
        let request = ImportRequest(
            stack: stack, targetIDs: targetIDs, filterIDs: filterIDs, sessionIDs: sessionIDs,
            includeDependencies: !noDependencies, preferInstanceNames: !eniIDs)
        let importer = StackImporter(client: client, request: request)
        let prepared: StackImporter.Prepared
        do { prepared = try await importer.prepare() } catch { throw CommandFailure.report(error) }
        let text = ManifestWriter.text(prepared.desired, header: ["Written by `mirrorplan import --stack \(stack)`."])

        // The manifest must load back exactly as it was built before anything is tagged: a writer bug then
        // costs a refused import, never a half-adopted stack.
        let loaded = ManifestLoader.load(data: Data(text.utf8), file: "(imported manifest)")
        guard !loaded.hasErrors, loaded.state == prepared.desired else {
            let problems = loaded.diagnostics.map { "\($0)" }.joined(separator: "\n")
            throw CommandFailure.report(
                CommandFailure(
                    "internal error: the manifest import would write does not read back as the same stack; nothing was tagged. "
                        + "Please report this with the resources' descriptions.\n\(problems)"))
        }
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        for note in prepared.selection.notes { log("note: \(note)") }

        if dryRun {
            log("Dry run: would tag \(prepared.adoptions.count) resource(s) for stack \(stack); nothing was tagged.")
            try emit(text, log: log)
            return
        }
        do {
            _ = try await importer.adopt(prepared) { log("tagged \($0.address) (\($0.id))") }
        } catch {
            throw CommandFailure.report(error)
        }
        // The resources are the stack's now: hand out the manifest first, then prove it plans to no changes
        // (with the convergence check's retries, since tags may take a moment to show in Describe answers).
        try emit(text, log: log)
        do {
            let reconciler = StackReconciler(client: client, stack: stack)
            let check = try await reconciler.plan(prepared.desired)
            if !check.plan.isEmpty { try await reconciler.checkConvergence(check.desired) }
        } catch {
            throw CommandFailure.report(
                CommandFailure(
                    "the resources are tagged, but the imported manifest does not plan to no changes: \(error)"))
        }
        log("Imported \(prepared.adoptions.count) resource(s) into stack \(stack); its manifest plans to no changes.")
    }

    /// The manifest to --out (replacing the file) or stdout.
    func emit(_ text: String, log: (String) -> Void) throws {
        guard let out else {
            print(text, terminator: "")
            return
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            throw CommandFailure.report(
                CommandFailure("cannot write the manifest to \(out): \(error.localizedDescription)"))
        }
        log("Wrote the manifest to \(out).")
    }
}
