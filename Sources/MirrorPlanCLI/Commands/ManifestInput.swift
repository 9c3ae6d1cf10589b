import ArgumentParser
import Foundation
import MirrorPlanManifest
import MirrorPlanModel

/// Loads a manifest for plan/apply/destroy: problems print exactly as `validate` prints them, and any error
/// stops the command with exit code 1 before a single API call.
enum ManifestInput {
    static func load(_ path: String, colour: Bool) throws -> DesiredState {
        var sources: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var state: DesiredState?
        switch ManifestFile.read(path) {
        case .contents(let data):
            let result = ManifestLoader.load(data: data, file: path)
            sources[path] = String(decoding: data, as: UTF8.self)
            diagnostics = result.diagnostics
            state = result.hasErrors ? nil : result.state
        case .unreadable(let diagnostic):
            diagnostics = [diagnostic]
        }
        if !diagnostics.isEmpty {
            let errors = diagnostics.count { $0.severity == .error }
            let text =
                DiagnosticTextRenderer(colour: colour).render(diagnostics, sources: sources)
                + DiagnosticTextRenderer.summary(
                    errors: errors, warnings: diagnostics.count - errors,
                    filesWithDiagnostics: 1, files: 1) + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
        guard let state else { throw ExitCode.failure }
        return state
    }
}
