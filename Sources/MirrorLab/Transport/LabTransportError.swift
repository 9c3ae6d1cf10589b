/// A lab call whose change was saved but could not be applied to the kernel data plane.
public enum LabTransportError: Error, Sendable, CustomStringConvertible {
    case dataPlaneNotSynced(DataPlaneError)

    public var description: String {
        switch self {
        case .dataPlaneNotSynced(let error):
            "the lab saved the change, but its data plane could not follow: \(error)"
        }
    }
}
