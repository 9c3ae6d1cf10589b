extension EC2Client {
    /// EC2 is reported to reject a filter with more than 200 values (`FilterLimitExceeded`; not in AWS's docs, see
    /// the lab's DescribeFilters), so larger value lists are split: harmless if the real limit is higher.
    public static let maxFilterValues = 200
    /// How many chunked Describe calls run at once: enough to hide latency, few enough not to trip throttling.
    static let chunkConcurrency = 4

    /// DescribeInstances for instances whose `filterName` matches any of `values`, however many: the values go
    /// out in chunks of `maxFilterValues` (up to `chunkConcurrency` calls at once) and the results are merged,
    /// each instance once, in the order of the chunks.
    public func describeInstances(filterName: String, anyOf values: [String]) async throws -> [EC2Instance] {
        let chunks = Self.chunked(values, size: Self.maxFilterValues)
        let results = try await Self.forEachChunk(chunks, concurrency: Self.chunkConcurrency) { chunk in
            try await describeInstances(filters: [EC2Filter(name: filterName, values: chunk)])
        }
        var seen: Set<String> = []
        return results.joined().filter { seen.insert($0.id).inserted }
    }

    /// `values` in consecutive slices of at most `size` (none for no values).
    static func chunked(_ values: [String], size: Int) -> [[String]] {
        stride(from: 0, to: values.count, by: size).map { Array(values[$0..<min($0 + size, values.count)]) }
    }

    /// Runs `body` over every chunk with at most `concurrency` in flight; results keep the chunks' order.
    static func forEachChunk<Result: Sendable>(
        _ chunks: [[String]], concurrency: Int, _ body: @escaping @Sendable ([String]) async throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results: [Result?] = Array(repeating: nil, count: chunks.count)
            var next = 0
            while next < min(concurrency, chunks.count) {
                let index = next
                group.addTask { (index, try await body(chunks[index])) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < chunks.count {
                    let index = next
                    group.addTask { (index, try await body(chunks[index])) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}
