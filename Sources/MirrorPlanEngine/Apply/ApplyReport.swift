import Foundation

/// What an apply did, step by step: done, failed (with the AWS error), or skipped because a step it
/// needed failed. Also the progress event stream's element.
public struct ApplyReport: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public enum Outcome: Hashable, Sendable {
            case done(createdID: String?)
            case failed(String)
            case skipped(because: String)
        }

        public var operation: Operation
        public var outcome: Outcome
        public var seconds: Double

        public var line: String {
            let took = String(format: "%.2fs", seconds)
            switch outcome {
            case .done(let id): return "\(operation)\(id.map { " → \($0)" } ?? ""): done in \(took)"
            case .failed(let message): return "\(operation): FAILED after \(took): \(message)"
            case .skipped(let reason): return "\(operation): skipped (\(reason))"
            }
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public var done: [Entry] { entries.filter { if case .done = $0.outcome { true } else { false } } }
    public var failed: [Entry] { entries.filter { if case .failed = $0.outcome { true } else { false } } }
    public var skipped: [Entry] { entries.filter { if case .skipped = $0.outcome { true } else { false } } }
    public var succeeded: Bool { failed.isEmpty && skipped.isEmpty }
}
