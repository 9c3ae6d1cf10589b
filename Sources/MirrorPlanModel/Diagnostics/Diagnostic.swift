/// One finding about user input: what is wrong, where, and what is allowed.
/// Diagnostics are data: validators collect them, renderers (text, JSON, GitHub annotations) print them.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    /// A stable identifier such as `manifest.unknown-key`; tests and scripts match on it, not on wording.
    public var code: String
    public var message: String
    public var location: SourceLocation?

    public init(severity: Severity, code: String, message: String, location: SourceLocation?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public static func error(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(severity: .error, code: code, message: message, location: location)
    }

    public static func warning(_ code: String, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(severity: .warning, code: code, message: message, location: location)
    }
}
