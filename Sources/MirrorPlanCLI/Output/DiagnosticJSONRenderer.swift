import MirrorPlanModel

/// Renders diagnostics as a JSON array of `{file, line, column, severity, code, message}`, one object per line,
/// keys in that order (stable output for scripts and diffs).
enum DiagnosticJSONRenderer {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]\n" }
        let objects = diagnostics.map { diagnostic in
            let location = diagnostic.location
            let fields = [
                "\"file\": " + (location.map { JSONText.quoted($0.file) } ?? "null"),
                "\"line\": " + (location.map { String($0.line) } ?? "null"),
                "\"column\": " + (location.map { String($0.column) } ?? "null"),
                "\"severity\": " + JSONText.quoted(diagnostic.severity.rawValue),
                "\"code\": " + JSONText.quoted(diagnostic.code),
                "\"message\": " + JSONText.quoted(diagnostic.message),
            ]
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

}
