/// Positions inside a manifest's text, counted the way Yams counts them: 1-based lines, columns in
/// Unicode scalars.
enum SourceText {
    /// The position of the `offset`th Character.
    static func position(ofCharacterOffset offset: Int, in text: String) -> SourcePosition {
        var line = 1, column = 1, seen = 0
        for character in text {
            if seen == offset { break }
            seen += 1
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line, column: column)
    }

    /// The position of the first byte that is not valid UTF-8, or nil if all of `bytes` is UTF-8.
    static func firstInvalidUTF8(in bytes: some Collection<UInt8>) -> (position: SourcePosition, byte: UInt8)? {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed: [UInt8] = []
        // Decode scalar by scalar; track bytes so the offending one can be named.
        var byteIterator = AnyIterator { () -> UInt8? in
            let next = iterator.next()
            if let next { consumed.append(next) }
            return next
        }
        while true {
            consumed.removeAll(keepingCapacity: true)
            switch decoder.decode(&byteIterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return (SourcePosition(line: line, column: column), consumed.first ?? 0)
            }
        }
    }

    /// Splits into lines the way positions count them (a "\r\n" ends one line).
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}
