/// Every reference that could not be resolved, reported together.
public struct InstanceResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case noRunningInstance(name: String, others: [String])
        case ambiguousName(name: String, candidates: [String])
        case unknownID(String)
        case noPrimaryInterface(reference: String, instanceID: String)
    }

    public var problems: [Problem]

    public var description: String {
        problems.map { problem in
            switch problem {
            case .noRunningInstance(let name, let others):
                "no running instance is named '\(name)'"
                    + (others.isEmpty
                        ? "; check the Name tag and the region"
                        : " (found, not running: \(others.joined(separator: ", ")))")
            case .ambiguousName(let name, let candidates):
                "\(candidates.count) running instances are named '\(name)': \(candidates.joined(separator: ", ")); "
                    + "refer to one by its instance id instead"
            case .unknownID(let id):
                "instance \(id) does not exist in this region"
            case .noPrimaryInterface(let reference, let instanceID):
                "instance \(reference) (\(instanceID)) has no network interface at device index 0"
            }
        }.joined(separator: "\n")
    }
}
