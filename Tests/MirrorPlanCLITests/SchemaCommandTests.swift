import Foundation
import MirrorPlanTestSupport
import Testing

@Suite struct SchemaCommandTests {
    @Test func printsTheCommittedSchemaByteForByte() throws {
        let result = try ProcessRunner.mirrorplan(["schema"])
        #expect(result.exitCode == 0)
        #expect(result.stderr.isEmpty)
        let committed = try String(
            contentsOf: ProcessRunner.packageRoot.appendingPathComponent("schema/manifest-v1.json"), encoding: .utf8)
        #expect(result.stdout == committed)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["$id"] as? String == "https://mirrorplan.dev/schema/manifest-v1.json")
        #expect((object["required"] as? [String]) == ["apiVersion", "stack"])
    }
}
