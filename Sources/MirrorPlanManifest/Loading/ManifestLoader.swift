import Foundation
import MirrorPlanModel

/// The result of loading one manifest: the desired state when the file has no errors, and every
/// diagnostic (errors and warnings) sorted by position.
public struct ManifestLoadResult: Sendable {
    public var state: DesiredState?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Manifest v1 → `DesiredState`, offline and pure: bytes in, values and diagnostics out.
public enum ManifestLoader {
    /// A thousand-session manifest is about 250 KB; anything past this is not a manifest.
    public static let maximumFileSize = 8 * 1024 * 1024

    public static func load(data: Data, file: String) -> ManifestLoadResult {
        guard data.count <= maximumFileSize else { return tooLarge(byteCount: data.count, file: file) }
        if let (position, byte) = SourceText.firstInvalidUTF8(in: data) {
            let hex = String(byte, radix: 16, uppercase: true)
            return failure(
                .encoding,
                "the file is not UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) cannot start or continue a character here; save the manifest as UTF-8",
                at: position, file: file)
        }
        return load(text: String(decoding: data, as: UTF8.self), file: file)
    }

    public static func load(text: String, file: String) -> ManifestLoadResult {
        guard text.utf8.count <= maximumFileSize else { return tooLarge(byteCount: text.utf8.count, file: file) }
        // A UTF-8 byte order mark is not content (Yams would read it as part of the first key); editors do not
        // count it as a column either.
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
        let outcome = DocumentComposer.compose(text)
        var reader = ManifestReader(file: file)
        for duplicate in outcome.duplicates {
            if let repeated = duplicate.repeated {
                reader.error(
                    .duplicateKey,
                    "duplicate key '\(duplicate.key)': it is already set at line \(duplicate.first.line), column \(duplicate.first.column); a key may appear once per mapping",
                    at: repeated)
            } else {
                reader.error(
                    .duplicateKey,
                    "key '\(duplicate.key)' appears more than once in this mapping; a key may appear once per mapping",
                    at: duplicate.first)
            }
        }
        if let problem = outcome.problem {
            let code: ManifestDiagnosticCode =
                switch problem.kind {
                case .tooDeep: .tooDeep
                case .tooManyNodes: .tooLarge
                case .multipleDocuments: .multipleDocuments
                case .syntax, .duplicateKey: .yamlSyntax
                }
            let message =
                switch problem.kind {
                case .tooDeep: "YAML nested too deeply (libyaml stops at 1000 levels); a manifest needs fewer than 10"
                case .multipleDocuments:
                    "the file holds more than one YAML document (a second '---'); a manifest is one document"
                default: "invalid YAML: \(problem.message)"
                }
            reader.error(code, message, at: problem.position)
        }
        guard outcome.problem == nil, outcome.duplicates.allSatisfy({ $0.repeated != nil }) else {
            return ManifestLoadResult(state: nil, diagnostics: sorted(reader.diagnostics))
        }
        // A document of only comments or a bare `---` composes to an empty scalar: that is an empty file too.
        guard let root = outcome.root, !(root.scalar?.kind == .null && root.scalar?.text == "") else {
            reader.error(
                .empty, "the file is empty; a manifest needs at least 'apiVersion: mirrorplan/v1' and 'stack: NAME'",
                at: SourcePosition(line: 1, column: 1))
            return ManifestLoadResult(state: nil, diagnostics: reader.diagnostics)
        }
        let manifest = reader.read(root: root)
        reader.checkReferences(manifest)
        reader.checkWarnings(manifest)
        let diagnostics = sorted(reader.diagnostics)
        guard !diagnostics.contains(where: { $0.severity == .error }), let stack = manifest.stack else {
            return ManifestLoadResult(state: nil, diagnostics: diagnostics)
        }
        let state = DesiredState(
            stack: stack, region: manifest.region, tags: manifest.tags,
            targets: manifest.targets.compactMap(\.spec), filters: manifest.filters.compactMap(\.spec),
            sessions: manifest.sessions.compactMap(\.spec), verifyChecks: manifest.verifyChecks.compactMap(\.spec))
        return ManifestLoadResult(state: state, diagnostics: diagnostics)
    }

    private static func tooLarge(byteCount: Int, file: String) -> ManifestLoadResult {
        failure(
            .tooLarge, "the file is \(byteCount) bytes; a manifest may be at most \(maximumFileSize) bytes",
            at: SourcePosition(line: 1, column: 1), file: file)
    }

    private static func failure(
        _ code: ManifestDiagnosticCode, _ message: String, at position: SourcePosition, file: String
    ) -> ManifestLoadResult {
        ManifestLoadResult(state: nil, diagnostics: [.error(code.rawValue, message, at: position.location(in: file))])
    }

    /// By position; equal positions keep the order they were found in.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let l = lhs.element.location
            let r = rhs.element.location
            if let l, let r, l != r { return l < r }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
