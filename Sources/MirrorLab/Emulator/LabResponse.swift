/// What the emulator answers: the HTTP status and EC2 XML body, plus facts the shells need.
public struct LabResponse: Sendable, Hashable {
    public var action: String?
    public var status: Int
    public var body: String
    public var errorCode: String?
    /// True when the state changed (so the embedded transport knows it must write state.json).
    public var changedState: Bool
}
