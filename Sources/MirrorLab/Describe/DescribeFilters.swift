/// The `Filter.N.Name` / `Filter.N.Value.M` of a Describe call, checked against the names the action
/// documents (reference §A.6). Unknown names are an error: the strict reading of an [unverified] AWS
/// behaviour, and the one that catches a client relying on a filter AWS does not have.
struct DescribeFilters: Sendable {
    struct Clause: Sendable {
        var name: String
        var values: [String]
    }

    /// EC2's limit on the values of one filter.
    static let maxValues = 200

    var clauses: [Clause]
    /// Glob matching (`*`, `?`) as DescribeInstances/NetworkInterfaces/Tags document; the traffic-mirror
    /// Describe calls document none, so they match exactly.
    var wildcards: Bool

    init(_ p: QueryParameters, allowed: Set<String>, tagFilters: Bool, wildcards: Bool) throws(LabError) {
        var clauses: [Clause] = []
        for index in try p.indices(under: "Filter") {
            let item = p.nested("Filter.\(index)")
            guard let name = item["Name"], !name.isEmpty else { throw LabError.missing("Filter.\(index).Name") }
            let isTag = tagFilters && (name.hasPrefix("tag:") && name.count > 4)
            guard allowed.contains(name) || isTag else {
                throw LabError(
                    code: "InvalidParameterValue",
                    message:
                        "The filter '\(name.prefix(100))' is invalid; valid filters for this call: \(allowed.sorted().joined(separator: ", "))."
                )
            }
            let values = try item.list("Value")
            guard !values.isEmpty else {
                throw LabError.invalidValue(
                    "Filter.\(index).Value", "",
                    "The filter '\(name)' needs at least one value (Filter.\(index).Value.1).")
            }
            // [unverified] EC2 is reported to cap a filter at 200 values and fail the whole call (no AWS page found;
            // apache/druid#1954 observed 200): the strict reading, so a client that does not chunk fails here first.
            guard values.count <= Self.maxValues else {
                throw LabError(
                    code: "FilterLimitExceeded",
                    message:
                        "The request uses too many filter values: Filter.\(index) ('\(name.prefix(100))') has \(values.count); the maximum is \(Self.maxValues). Split the values over several calls."
                )
            }
            clauses.append(Clause(name: name, values: values))
        }
        self.clauses = clauses
        self.wildcards = wildcards
    }

    /// True when every clause matches: some value of the clause equals some value the resource has for that name.
    func matches(_ valuesFor: (String) -> [String]) -> Bool {
        clauses.allSatisfy { clause in
            let actual = valuesFor(clause.name)
            return clause.values.contains { wanted in actual.contains { Self.match(wanted, $0, glob: wildcards) } }
        }
    }

    static func match(_ pattern: String, _ value: String, glob: Bool) -> Bool {
        guard glob, pattern.contains(where: { $0 == "*" || $0 == "?" }) else { return pattern == value }
        return globMatch(Array(pattern), Array(value))
    }

    /// Iterative glob matcher (no recursion, linear backtracking): hostile patterns cannot blow the stack.
    private static func globMatch(_ p: [Character], _ s: [Character]) -> Bool {
        var pi = 0
        var si = 0
        var star = -1
        var mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] {
                pi += 1
                si += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = si
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                si = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// `tag:KEY` and `tag-key` values of a resource.
    static func tagValues(_ name: String, _ tags: [Tag]) -> [String]? {
        if name.hasPrefix("tag:") { return tags.filter { $0.key == name.dropFirst(4) }.map(\.value) }
        if name == "tag-key" { return tags.map(\.key) }
        if name == "tag-value" { return tags.map(\.value) }
        return nil
    }
}
