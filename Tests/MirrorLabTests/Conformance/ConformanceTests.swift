import Foundation
import Testing

@testable import MirrorLab

/// Every conformance case, run against the pure core in-process and against the served lab over HTTP.
@Suite struct ConformanceTests {
    @Test(arguments: ConformanceCase.all, LabMode.allCases)
    func behaves(_ testCase: ConformanceCase, _ mode: LabMode) async throws {
        let driver = try LabDriver(mode)
        var variables = ConformanceCase.variables
        func substitute(_ parameters: [String: String]) -> [String: String] {
            parameters.mapValues { value in variables[value] ?? value }
        }
        for (index, step) in testCase.setup.enumerated() {
            let reply = try await driver.send(substitute(step.parameters))
            try #require(reply.status == 200, "setup step \(index + 1) failed: \(reply.body)")
            if let bind = step.bind {
                let value: String = try #require(
                    reply.first(bind.element), "setup step \(index + 1) answered no <\(bind.element)>")
                variables[bind.name] = value
            }
        }
        let reply = try await driver.send(substitute(testCase.request))
        #expect(XMLProbe.isWellFormed(reply.body), "not well-formed XML: \(reply.body)")
        switch testCase.expect {
        case .success(let checks):
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.body.contains("xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\""))
            #expect(reply.first("requestId") != nil)
            for (element, expected) in checks {
                #expect(reply.first(element) == expected.map { variables[$0] ?? $0 }, "<\(element)> in \(reply.body)")
            }
        case .error(let code, let status):
            #expect(reply.errorCode == code, "\(reply.body)")
            #expect(reply.status == status)
            #expect(reply.body.contains("<Response><Errors><Error><Code>"))
            #expect(reply.first("RequestID") != nil)
            #expect(!(reply.first("Message") ?? "").isEmpty)
        }
    }

    /// The table covers every action the lab serves (so a new action cannot ship without a case).
    @Test func everyActionHasACase() {
        let covered = Set(
            ConformanceCase.all.flatMap { [$0.request["Action"]] + $0.setup.map { $0.parameters["Action"] } }.compactMap
            { $0 })
        let missing = LabAction.allCases.map(\.rawValue).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "no conformance case for \(missing)")
    }
}
