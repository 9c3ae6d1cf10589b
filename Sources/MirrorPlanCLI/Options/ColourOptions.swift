import ArgumentParser
import Foundation

/// `--no-color` and the one rule every command follows: colour only on a terminal, never with --no-color
/// or a non-empty NO_COLOR (https://no-color.org).
struct ColourOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Never colour the output (NO_COLOR does the same).")
    var noColor = false

    /// Whether output written to `descriptor` may carry ANSI colour.
    func enabled(for descriptor: Int32) -> Bool {
        let noColorVariable = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return !noColor && !noColorVariable && isatty(descriptor) == 1
    }
}
