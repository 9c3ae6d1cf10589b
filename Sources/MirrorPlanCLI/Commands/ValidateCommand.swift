import ArgumentParser
import Foundation
import MirrorPlanManifest
import MirrorPlanModel

/// `mirrorplan validate FILE...`: offline checks; exit 0 when every file is valid (warnings allowed), 1 otherwise.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check manifests offline (no credentials needed).",
        discussion: """
            Reports every problem in every file: unknown keys (with suggestions), wrong types, values out of range, \
            dangling references, AWS quotas. Warnings flag what AWS would accept but a reviewer should notice. \
            Exit status: 0 when all files are valid, 1 otherwise.
            """)

    @Argument(help: "Manifest files to check.")
    var files: [String]

    @Option(
        help: "Output format: text (stderr, compiler style), json (stdout), github (Actions annotations on stdout).")
    var format: DiagnosticFormat = .text

    @OptionGroup var colourOptions: ColourOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one manifest file.") }
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        var filesWithDiagnostics = 0
        for file in files {
            let found: [Diagnostic]
            switch ManifestFile.read(file) {
            case .contents(let data):
                let result = ManifestLoader.load(data: data, file: file)
                found = result.diagnostics
                if format == .text, !found.isEmpty { sources[file] = String(decoding: data, as: UTF8.self) }
            case .unreadable(let diagnostic):
                found = [diagnostic]
            }
            if !found.isEmpty { filesWithDiagnostics += 1 }
            diagnostics += found
        }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count - errors
        switch format {
        case .text:
            let colour = colourOptions.enabled(for: STDERR_FILENO)
            let renderer = DiagnosticTextRenderer(colour: colour)
            let summary = DiagnosticTextRenderer.summary(
                errors: errors, warnings: warnings, filesWithDiagnostics: filesWithDiagnostics, files: files.count)
            FileHandle.standardError.write(Data((renderer.render(diagnostics, sources: sources) + summary + "\n").utf8))
        case .json:
            print(DiagnosticJSONRenderer.render(diagnostics), terminator: "")
        case .github:
            print(GitHubAnnotationRenderer.render(diagnostics), terminator: "")
        }
        if errors > 0 { throw ExitCode.failure }
    }
}
