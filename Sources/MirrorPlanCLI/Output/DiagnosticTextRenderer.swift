import MirrorPlanModel

/// Renders diagnostics compiler style, each followed by its source line and a caret under the column:
///
///     mirror.yaml:12:9: error: unknown key 'actoin' in an ingress rule; did you mean 'action'? [manifest.unknown-key]
///             actoin: accept
///             ^
struct DiagnosticTextRenderer {
    /// ANSI colour only when writing to a terminal and the user has not asked for none.
    var colour: Bool

    /// `sources` maps a file path to its text, for the source-line snippet (missing text: no snippet).
    func render(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
        var lines: [String: [Substring]] = [:]
        var output = ""
        for diagnostic in diagnostics {
            output += headline(diagnostic) + "\n"
            guard let location = diagnostic.location, let text = sources[location.file] else { continue }
            let fileLines = lines[location.file] ?? Self.splitLines(text)
            lines[location.file] = fileLines
            guard location.line >= 1, location.line <= fileLines.count else { continue }
            let sourceLine = fileLines[location.line - 1]
            output += sourceLine + "\n"
            output += paint(Self.caretLine(under: sourceLine, column: location.column), "32") + "\n"
        }
        return output
    }

    func headline(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        let severity =
            switch diagnostic.severity {
            case .error: paint("error:", "1;31")
            case .warning: paint("warning:", "1;33")
            }
        return paint(place, "1") + severity + " " + diagnostic.message + " [\(diagnostic.code)]"
    }

    /// "2 errors, 1 warning in 1 file", or "2 files valid".
    static func summary(errors: Int, warnings: Int, filesWithDiagnostics: Int, files: Int) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        if errors == 0, warnings == 0 { return "\(count(files, "file")) valid" }
        let counts =
            errors == 0
            ? count(warnings, "warning")
            : warnings == 0 ? count(errors, "error") : "\(count(errors, "error")), \(count(warnings, "warning"))"
        let suffix = errors == 0 ? "; \(files == 1 ? "the file is" : "all files are") valid" : ""
        return "\(counts) in \(count(filesWithDiagnostics, "file"))\(suffix)"
    }

    /// Spaces up to the column (counted in Unicode scalars, as positions are), keeping tabs so the caret lines
    /// up under a tab-indented line too.
    static func caretLine(under line: Substring, column: Int) -> String {
        var prefix = ""
        for scalar in line.unicodeScalars.prefix(max(column - 1, 0)) {
            prefix.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        return prefix + "^"
    }

    static func splitLines(_ text: String) -> [Substring] {
        // The loader skips a byte order mark, so columns on line 1 start after it.
        let text = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    private func paint(_ text: String, _ code: String) -> String {
        guard colour, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
