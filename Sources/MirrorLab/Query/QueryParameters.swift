import Foundation

/// The decoded parameters of one EC2 Query request (form-encoded `key=value&…`), with typed readers that
/// answer malformed values with AWS's `InvalidParameterValue` / `MissingParameter`.
public struct QueryParameters: Sendable, Hashable {
    public private(set) var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// Decodes a form-encoded body. `+` is a space; a key given twice, a bad percent escape or bytes that
    /// are not UTF-8 are client errors, never a trap.
    public init(formEncoded data: Data) throws(LabError) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw LabError(
                code: "InvalidParameterValue",
                message: "The request body is not UTF-8; send application/x-www-form-urlencoded text.")
        }
        try self.init(formEncoded: text)
    }

    public init(formEncoded text: String) throws(LabError) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.unescape(parts[0])
            let value = parts.count > 1 ? try Self.unescape(parts[1]) : ""
            guard !key.isEmpty else { continue }
            if values[key] != nil {
                throw LabError(
                    code: "InvalidParameterValue",
                    message: "The parameter \(key) is given more than once; send each key once.")
            }
            values[key] = value
        }
        self.values = values
    }

    private static func unescape(_ raw: Substring) throws(LabError) -> String {
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw LabError(
                code: "InvalidParameterValue",
                message: "The form field '\(raw.prefix(64))' has an invalid percent escape.")
        }
        return decoded
    }

    public subscript(key: String) -> String? { values[key] }

    mutating func merge(_ other: QueryParameters) {
        values.merge(other.values) { mine, _ in mine }
    }

    // MARK: typed readers

    func string(_ key: String) -> String? { values[key] }

    func required(_ key: String) throws(LabError) -> String {
        guard let value = values[key], !value.isEmpty else { throw .missing(key) }
        return value
    }

    func int(_ key: String) throws(LabError) -> Int? {
        guard let raw = values[key] else { return nil }
        guard let value = Int(raw) else {
            throw .invalidValue(key, raw, "Expecting an integer.")
        }
        return value
    }

    func requiredInt(_ key: String) throws(LabError) -> Int {
        guard let value = try int(key) else { throw .missing(key) }
        return value
    }

    func bool(_ key: String) throws(LabError) -> Bool {
        guard let raw = values[key] else { return false }
        switch raw.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalidValue(key, raw, "Expecting true or false.")
        }
    }

    /// The 1-based flattened list `Key.1`, `Key.2`, … (absent and empty are the same: no items).
    func list(_ key: String) throws(LabError) -> [String] {
        try indices(under: key).map { index throws(LabError) in
            guard let value = values["\(key).\(index)"] else {
                throw .invalidValue("\(key).\(index)", "", "A list item must be a scalar value.")
            }
            return value
        }
    }

    /// The sorted 1-based indices N for which some key `Key.N` or `Key.N.…` exists. Index 0, negative or
    /// non-numeric indices and gaps are rejected: AWS SDKs never send them.
    func indices(under key: String) throws(LabError) -> [Int] {
        let prefix = key + "."
        var found = Set<Int>()
        for name in values.keys where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let head = rest.prefix { $0 != "." }
            guard let index = Int(head), index >= 1, index <= 10_000, String(index) == head else {
                throw .invalidValue(name, values[name] ?? "", "List members are numbered \(key).1, \(key).2, ….")
            }
            found.insert(index)
        }
        let sorted = found.sorted()
        if let last = sorted.last, last != sorted.count {
            throw .invalidValue(key, "", "List members must be numbered from 1 without gaps.")
        }
        return sorted
    }

    /// The parameters under `Key.` with the prefix stripped (a nested structure).
    func nested(_ key: String) -> QueryParameters {
        let prefix = key + "."
        var inner: [String: String] = [:]
        for (name, value) in values where name.hasPrefix(prefix) { inner[String(name.dropFirst(prefix.count))] = value }
        return QueryParameters(inner)
    }

    func has(prefix key: String) -> Bool {
        values[key] != nil || values.keys.contains { $0.hasPrefix(key + ".") }
    }

    /// A canonical string of every parameter except the excluded keys: the ClientToken fingerprint.
    func fingerprint(excluding excluded: Set<String>) -> String {
        values.filter { !excluded.contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }
}
