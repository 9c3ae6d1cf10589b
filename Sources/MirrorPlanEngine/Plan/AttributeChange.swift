/// One attribute's before → after. `nil` is "unset", distinct from an unchanged value, because
/// EC2 clears optional fields through `RemoveField`.
public struct AttributeChange: Hashable, Sendable, Codable {
    public var field: String
    public var before: String?
    public var after: String?
    /// True when this change alone makes the resource be replaced (no Modify call can make it).
    public var forcesReplacement: Bool

    public init(field: String, before: String?, after: String?, forcesReplacement: Bool = false) {
        self.field = field
        self.before = before
        self.after = after
        self.forcesReplacement = forcesReplacement
    }

    /// Placeholder for a value EC2 assigns during apply (a replaced target's new id).
    public static let knownAfterApply = "(known after apply)"
}
