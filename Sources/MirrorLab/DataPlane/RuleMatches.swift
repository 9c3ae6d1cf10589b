/// A filter rule as tc u32 matches (IPv4 only: the lab's namespaces run without IPv6). Port ranges become
/// value/mask blocks, since u32 compares under a mask and cannot express "from..to"; a rule with both a source
/// and a destination range needs one u32 filter per pair of blocks.
enum RuleMatches {
    /// Each element is the `match ...` arguments of one u32 filter; nil when the rule cannot be realised (IPv6).
    static func filters(for rule: RuleRecord) -> [[String]]? {
        if rule.sourceCidrBlock.contains(":") || rule.destinationCidrBlock.contains(":") { return nil }
        var base: [String] = []
        // Protocol 0 is how AWS spells "all protocols", as is leaving it out.
        if let number = rule.protocol, number != 0 { base += ["match", "ip", "protocol", "\(number)", "0xff"] }
        if rule.sourceCidrBlock != "0.0.0.0/0" { base += ["match", "ip", "src", rule.sourceCidrBlock] }
        if rule.destinationCidrBlock != "0.0.0.0/0" { base += ["match", "ip", "dst", rule.destinationCidrBlock] }
        var sources: [[String]] = [[]]
        var destinations: [[String]] = [[]]
        if rule.protocol == 6 || rule.protocol == 17 {
            if let range = rule.sourcePortRange { sources = portMatches("sport", range) }
            if let range = rule.destinationPortRange { destinations = portMatches("dport", range) }
        }
        var result: [[String]] = []
        for source in sources {
            for destination in destinations {
                let matches = base + source + destination
                result.append(matches.isEmpty ? ["match", "u32", "0", "0"] : matches)
            }
        }
        return result
    }

    /// `match ip sport|dport VALUE MASK` for each block of the range (none for the full range: any port).
    static func portMatches(_ field: String, _ range: PortRange) -> [[String]] {
        let blocks = portBlocks(from: range.from, to: range.to)
        if blocks.count == 1, blocks[0].mask == 0 { return [[]] }
        return blocks.map { ["match", "ip", field, "\($0.value)", "0x" + String($0.mask, radix: 16)] }
    }

    /// The fewest aligned power-of-two blocks covering from...to (inclusive, within 0...65535).
    static func portBlocks(from: Int, to: Int) -> [(value: Int, mask: Int)] {
        let low = max(0, min(from, to))
        let high = min(65535, max(from, to))
        var blocks: [(value: Int, mask: Int)] = []
        var start = low
        while start <= high {
            var size = 1
            while size < 65536, start % (size * 2) == 0, start + size * 2 - 1 <= high { size *= 2 }
            blocks.append((start, 0xffff & ~(size - 1)))
            start += size
        }
        return blocks
    }
}
