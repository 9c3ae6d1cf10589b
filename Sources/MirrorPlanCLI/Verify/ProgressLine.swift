import Foundation

/// The live "packets seen, matched" line on stderr; drawn only when stderr is a terminal.
final class ProgressLine: @unchecked Sendable {
    // @unchecked: used from the capture loop's thread only.
    private let enabled: Bool
    private var lastDraw: Date = .distantPast

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    func update(seen: Int, matched: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = Date()
        FileHandle.standardError.write(Data("\r\u{1B}[Kpackets seen \(seen), matched \(matched)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
