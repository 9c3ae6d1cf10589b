import Foundation
import MirrorPlanEngine
import Synchronization

/// Progress on stderr while applying: one line per step with its outcome and duration, prefixed by a
/// `[done/total]` counter on a terminal; colour only when allowed.
final class ApplyProgressPrinter: Sendable {
    private let finished = Mutex(0)
    let total: Int
    let terminal: Bool
    let colour: Bool

    init(total: Int, terminal: Bool, colour: Bool) {
        self.total = total
        self.terminal = terminal
        self.colour = colour
    }

    func record(_ entry: ApplyReport.Entry) {
        let count = finished.withLock { value in
            value += 1
            return value
        }
        let code: String =
            switch entry.outcome {
            case .done: "32"
            case .failed: "31"
            case .skipped: "33"
            }
        var line = entry.line
        if colour { line = "\u{1B}[\(code)m\(line)\u{1B}[0m" }
        if terminal { line = "[\(count)/\(total)] " + line }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
