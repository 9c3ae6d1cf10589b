import Foundation

/// The AWS shared config/credentials file format: `[section]`, `key = value`, `#`/`;` comment lines, and
/// nested blocks (`ec2 =` followed by indented `endpoint_url = …` lines) as botocore's parser reads them.
public struct INIFile: Sendable, Hashable {
    public struct Section: Sendable, Hashable {
        public var values: [String: String] = [:]
        /// `key =` with indented sub-keys, e.g. `ec2` → [`endpoint_url`: …].
        public var nested: [String: [String: String]] = [:]
    }

    public private(set) var sections: [String: Section] = [:]

    public init(text: String) {
        var current: String?
        var nestedKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = String(rawLine).replacingOccurrences(of: "\r", with: "")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            let indented = line.first == " " || line.first == "\t"
            if trimmed.hasPrefix("["), trimmed.hasSuffix("]") {
                let name = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = name
                nestedKey = nil
                if sections[name] == nil { sections[name] = Section() }
                continue
            }
            guard let section = current, let equals = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                continue
            }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if indented, let parent = nestedKey {
                sections[section, default: Section()].nested[parent, default: [:]][key] = value
            } else if value.isEmpty {
                nestedKey = key
                sections[section, default: Section()].nested[key] = sections[section]?.nested[key] ?? [:]
            } else {
                nestedKey = nil
                sections[section, default: Section()].values[key] = value
            }
        }
    }

    public subscript(section: String) -> Section? { sections[section] }
}
