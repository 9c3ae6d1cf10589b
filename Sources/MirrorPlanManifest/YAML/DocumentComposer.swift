/// Composes a document and keeps going past duplicate keys: Yams stops at the first duplicate (and points at
/// the key's first occurrence), so this finds the repeat in the text, neutralises it and composes again;
/// the tree then lacks the repeats and every other problem in the file can still be reported.
enum DocumentComposer {
    /// More duplicates than this in one file and the rest are not looked for (each costs a re-parse).
    static let maximumRecoveredDuplicates = 100

    struct Duplicate: Sendable {
        var key: String
        var first: SourcePosition
        /// nil when the repeat could not be located in the text (a flow mapping over several lines, say).
        var repeated: SourcePosition?
    }

    struct Outcome: Sendable {
        var root: YAMLNode?
        var duplicates: [Duplicate]
        var problem: YAMLProblem?
    }

    static func compose(_ text: String) -> Outcome {
        var lines = SourceText.lines(of: text).map { Array(String($0).unicodeScalars) }
        var working = text
        var dropped: Set<SourcePosition> = []
        var duplicates: [Duplicate] = []
        while true {
            switch YAMLComposer.compose(working, droppingKeysAt: dropped) {
            case .success(let root):
                return Outcome(root: root, duplicates: duplicates, problem: nil)
            case .failure(let problem):
                guard case .duplicateKey(let key) = problem.kind else {
                    return Outcome(root: nil, duplicates: duplicates, problem: problem)
                }
                guard duplicates.count < maximumRecoveredDuplicates,
                    let repeated = findRepeat(of: key, firstAt: problem.position, in: lines),
                    !dropped.contains(repeated),
                    neutralise(key: key, at: repeated, in: &lines, serial: duplicates.count)
                else {
                    duplicates.append(Duplicate(key: key, first: problem.position, repeated: nil))
                    return Outcome(root: nil, duplicates: duplicates, problem: nil)
                }
                duplicates.append(Duplicate(key: key, first: problem.position, repeated: repeated))
                dropped.insert(repeated)
                working = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            }
        }
    }

    /// Where `key` (whose first occurrence is at `first`) occurs again in the same mapping.
    static func findRepeat(of key: String, firstAt first: SourcePosition, in lines: [[Unicode.Scalar]])
        -> SourcePosition?
    {
        let keyScalars = Array(key.unicodeScalars)
        guard first.line - 1 < lines.count, !keyScalars.isEmpty else { return nil }
        let firstLine = lines[first.line - 1]
        let start = first.column - 1
        let before = firstLine[..<min(start, firstLine.count)].filter { $0 != " " }
        if before.last == "{" || before.last == "," {
            // A flow mapping: look further along the same line for `, key:`.
            var index = start + 1
            while index < firstLine.count {
                if firstLine[index] == "," {
                    var keyStart = index + 1
                    while keyStart < firstLine.count, firstLine[keyStart] == " " { keyStart += 1 }
                    if keyMatches(keyScalars, in: firstLine, at: keyStart) {
                        return SourcePosition(line: first.line, column: keyStart + 1)
                    }
                }
                index += 1
            }
            return nil
        }
        // A block mapping: siblings start at the same column; a line indented less ends the mapping.
        var lineIndex = first.line
        while lineIndex < lines.count {
            let line = lines[lineIndex]
            let indent = line.prefix { $0 == " " }.count
            if indent == line.count || line[indent] == "#" {
                lineIndex += 1
                continue
            }
            if indent < start { return nil }
            if indent == start, keyMatches(keyScalars, in: line, at: indent) {
                return SourcePosition(line: lineIndex + 1, column: indent + 1)
            }
            lineIndex += 1
        }
        return nil
    }

    /// True when `line` has `key` (plain or quoted) at `index`, followed by optional spaces and a colon.
    static func keyMatches(_ key: [Unicode.Scalar], in line: [Unicode.Scalar], at index: Int) -> Bool {
        var cursor = index
        var quote: Unicode.Scalar?
        if cursor < line.count, line[cursor] == "\"" || line[cursor] == "'" {
            quote = line[cursor]
            cursor += 1
        }
        guard cursor + key.count <= line.count, Array(line[cursor..<cursor + key.count]) == key else { return false }
        cursor += key.count
        if let quote {
            guard cursor < line.count, line[cursor] == quote else { return false }
            cursor += 1
        }
        while cursor < line.count, line[cursor] == " " { cursor += 1 }
        return cursor < line.count && line[cursor] == ":"
    }

    /// Overwrites the repeated key with private-use scalars of the same count, so no column moves and the key
    /// becomes unique; the composer then drops it by position.
    static func neutralise(key: String, at position: SourcePosition, in lines: inout [[Unicode.Scalar]], serial: Int)
        -> Bool
    {
        let lineIndex = position.line - 1
        var cursor = position.column - 1
        guard lineIndex < lines.count, cursor < lines[lineIndex].count else { return false }
        if lines[lineIndex][cursor] == "\"" || lines[lineIndex][cursor] == "'" { cursor += 1 }
        let count = key.unicodeScalars.count
        guard count > 0, cursor + count <= lines[lineIndex].count else { return false }
        for offset in 0..<count {
            let value = offset == 0 ? 0xE000 + UInt32(serial % 6000) : 0xF000
            guard let scalar = Unicode.Scalar(value) else { return false }
            lines[lineIndex][cursor + offset] = scalar
        }
        return true
    }
}
