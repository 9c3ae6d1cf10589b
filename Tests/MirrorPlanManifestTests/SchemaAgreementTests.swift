import Foundation
import MirrorPlanManifest
import MirrorPlanModel
import MirrorPlanTestSupport
import Testing

/// The JSON Schema and the validator agree: every example and valid fixture passes both, every invalid fixture
/// fails the validator, and the schema rejects exactly the fixtures whose rule a schema can express.
/// The schema side is Python's `jsonschema` (Draft 2020-12) over PyYAML's reading of the same files.
@Suite struct SchemaAgreementTests {
    static let schemaFile = Fixture.packageRoot.appendingPathComponent("schema/manifest-v1.json")

    @Test func theCommittedSchemaFileIsTheGeneratedSchema() throws {
        let committed = try String(contentsOf: Self.schemaFile, encoding: .utf8)
        #expect(
            committed == ManifestSchema.text, "regenerate with: swift run mirrorplan schema > schema/manifest-v1.json")
        #expect(ManifestSchema.text.contains("\"$id\": \"https://mirrorplan.dev/schema/manifest-v1.json\""))
    }

    @Test func theExamplesPointEditorsAtTheSchema() throws {
        #expect(Fixture.examples.count >= 3)
        for example in Fixture.examples {
            let text = try String(contentsOf: example, encoding: .utf8)
            #expect(
                text.hasPrefix("# yaml-language-server: $schema=../../schema/manifest-v1.json\n"),
                "\(example.lastPathComponent)")
        }
    }

    /// Runs jsonschema over `files`; returns each file's schema errors (empty: valid).
    static func schemaErrors(_ files: [URL]) throws -> [String: [String]] {
        let script = """
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            result = {}
            for path in sys.argv[2:]:
                with open(path, encoding="utf-8") as f:
                    document = yaml.safe_load(f)
                result[path] = [error.message[:200] for error in validator.iter_errors(document)]
            print(json.dumps(result))
            """
        let run = try ProcessRunner.run("python3", ["-c", script, schemaFile.path] + files.map(\.path))
        try #require(run.exitCode == 0, "python3 failed: \(run.stderr)")
        return try JSONDecoder().decode([String: [String]].self, from: Data(run.stdout.utf8))
    }

    @Test(.enabled(if: ProcessRunner.which("python3") != nil, "needs python3 with jsonschema and PyYAML"))
    func schemaAndValidatorAgreeOnEveryExampleAndFixture() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mp-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // Fixtures without their markers, as plain manifests.
        var fixtureFiles: [String: URL] = [:]
        for name in Fixture.names(in: "invalid") + Fixture.names(in: "warnings") + Fixture.names(in: "valid") {
            let url = directory.appendingPathComponent(name.replacingOccurrences(of: "/", with: "--") + ".yaml")
            try Fixture.marked(name).text.write(to: url, atomically: true, encoding: .utf8)
            fixtureFiles[name] = url
        }
        let schema = try Self.schemaErrors(Fixture.examples + Array(fixtureFiles.values))

        for example in Fixture.examples {
            let result = ManifestLoader.load(data: try Data(contentsOf: example), file: example.lastPathComponent)
            #expect(result.diagnostics.isEmpty, "\(example.lastPathComponent): \(result.diagnostics.map(\.message))")
            #expect(
                schema[example.path] == [], "\(example.lastPathComponent): \(schema[example.path] ?? ["not checked"])")
        }
        for name in Fixture.names(in: "valid") + Fixture.names(in: "warnings") {
            let url = try #require(fixtureFiles[name])
            let result = ManifestLoader.load(data: try Data(contentsOf: url), file: name)
            #expect(!result.hasErrors, "\(name): \(result.diagnostics.map(\.message))")
            #expect(schema[url.path] == [], "\(name): \(schema[url.path] ?? ["not checked"])")
        }
        for rule in RuleCase.all where rule.fixture.hasPrefix("invalid/") {
            let url = try #require(fixtureFiles[rule.fixture])
            let rejected = try #require(schema[url.path]).isEmpty == false
            #expect(
                rejected == rule.schemaRejects,
                "\(rule.fixture): schema \(rejected ? "rejects" : "accepts") it: \(schema[url.path] ?? [])")
        }
    }
}
