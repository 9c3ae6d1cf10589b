import ArgumentParser

/// How `validate` prints diagnostics.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Compiler style on stderr: `path:line:col: error: message [code]`, the source line and a caret.
    case text
    /// A JSON array of diagnostics on stdout.
    case json
    /// GitHub Actions workflow commands (`::error file=...::`) on stdout.
    case github
}
