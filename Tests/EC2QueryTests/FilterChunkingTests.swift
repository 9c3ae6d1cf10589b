import Testing

@testable import EC2Query

@Suite struct FilterChunkingTests {
    @Test("chunks: consecutive slices of at most the size, none for nothing", arguments: [0, 1, 200, 201, 450])
    func chunking(_ count: Int) {
        let values = (0..<count).map(String.init)
        let chunks = EC2Client.chunked(values, size: 200)
        #expect(chunks.joined().map { $0 } == values)
        #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= 200 })
        #expect(chunks.count == (count + 199) / 200)
    }
}
