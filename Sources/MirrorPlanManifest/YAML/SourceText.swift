/// Positions inside a manifest's text, counted the way Yams counts them: 1-based lines, columns in
/// Unicode scalars.
enum SourceText {
    /// The position of the `offset`th Character.
    static func position(ofCharacterOffset offset: Int, in text: String) -> SourcePosition {
        var line = 1
        var column = 1
        var seen = 0
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

    /// The position of the first byte that is not valid UTF-8 (and that byte), or nil if all of `bytes` is.
    static func firstInvalidUTF8(in bytes: some Collection<UInt8>) -> (position: SourcePosition, byte: UInt8)? {
        let bytes = Array(bytes)
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lowerSecond: UInt8 = 0x80
            var upperSecond: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lowerSecond = 0xA0
            case 0xED:
                length = 3
                upperSecond = 0x9F  // no UTF-16 surrogates
            case 0xE1...0xEF: length = 3
            case 0xF0:
                length = 4
                lowerSecond = 0x90
            case 0xF4:
                length = 4
                upperSecond = 0x8F  // nothing past U+10FFFF
            case 0xF1...0xF3: length = 4
            default: return (SourcePosition(line: line, column: column), lead)
            }
            for offset in 1..<length {
                guard index + offset < bytes.count else { return (SourcePosition(line: line, column: column), lead) }
                let byte = bytes[index + offset]
                let (lower, upper) = offset == 1 ? (lowerSecond, upperSecond) : (UInt8(0x80), UInt8(0xBF))
                guard (lower...upper).contains(byte) else { return (SourcePosition(line: line, column: column), lead) }
            }
            if lead == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }

    /// Splits into lines the way positions count them (a "\r\n" ends one line).
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }
}
