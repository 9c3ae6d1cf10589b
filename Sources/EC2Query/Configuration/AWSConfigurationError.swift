/// A setting that cannot be used: says which one, where it came from and what would work.
public enum AWSConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidSetting(name: String, value: String, expected: String)
    case noRegion
    case invalidEndpoint(url: String, source: String, reason: String)
    case profileNotFound(profile: String, files: [String])
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSetting(let name, let value, let expected):
            "\(name) is '\(value)'; expected \(expected)"
        case .noRegion:
            "no AWS region configured: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or add `region = …` to the profile in ~/.aws/config"
        case .invalidEndpoint(let url, let source, let reason):
            "endpoint '\(url)' from \(source) cannot be used: \(reason)"
        case .profileNotFound(let profile, let files):
            "profile '\(profile)' is not defined in \(files.isEmpty ? "any shared config file" : files.joined(separator: " or ")); "
                + "check AWS_PROFILE / --profile, or run `aws configure --profile \(profile)`"
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}
