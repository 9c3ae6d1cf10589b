import MirrorPlanModel

/// Renders diagnostics as a JSON array of `{file, line, column, severity, code, message}`, one object per line,
/// keys in that order (stable output for scripts and diffs).
enum DiagnosticJSONRenderer {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]\n" }
        let objects = diagnostics.map { diagnostic in
            let location = diagnostic.location
            let fields = [
                "\"file\": " + (location.map { quoted($0.file) } ?? "null"),
                "\"line\": " + (location.map { String($0.line) } ?? "null"),
                "\"column\": " + (location.map { String($0.column) } ?? "null"),
                "\"severity\": " + quoted(diagnostic.severity.rawValue),
                "\"code\": " + quoted(diagnostic.code),
                "\"message\": " + quoted(diagnostic.message),
            ]
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A JSON string literal (RFC 8259 escaping).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
