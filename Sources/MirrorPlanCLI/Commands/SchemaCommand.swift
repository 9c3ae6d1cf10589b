import ArgumentParser
import MirrorPlanManifest

/// `mirrorplan schema`: the manifest's JSON Schema (draft 2020-12) for editors and CI.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of manifest v1.",
        discussion: """
            Editors with the YAML language server pick it up from a '# yaml-language-server: $schema=...' comment; \
            CI can check manifests with any JSON Schema validator. `validate` checks more than a schema can \
            (references between entries, quotas, CIDR host bits).
            """)

    func run() throws {
        print(ManifestSchema.text, terminator: "")
    }
}
