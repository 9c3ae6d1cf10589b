/// Resolves the type of a plain scalar by the YAML 1.1 rules PyYAML and Yams share, without regular
/// expressions (a thousand-session manifest has tens of thousands of scalars).
enum ScalarResolver {
    static func kind(ofPlain text: String) -> YAMLScalar.Kind {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF":
            return .boolean
        case ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", "+.Inf", "+.INF", ".nan", ".NaN", ".NAN":
            return .float
        default: break
        }
        let bytes = Array(text.utf8)
        if isInteger(bytes) { return .integer }
        if isFloat(bytes) { return .float }
        if isTimestamp(bytes) { return .timestamp }
        return .string
    }

    /// The value of an integer scalar in decimal, 0x, 0o/0 octal or 0b form (underscores ignored).
    static func integerValue(_ text: String) -> Int? {
        var body = Substring(text.replacingUnderscores())
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let magnitude: Int?
        if body.hasPrefix("0x") {
            magnitude = Int(body.dropFirst(2), radix: 16)
        } else if body.hasPrefix("0b") {
            magnitude = Int(body.dropFirst(2), radix: 2)
        } else if body.hasPrefix("0o") {
            magnitude = Int(body.dropFirst(2), radix: 8)
        } else if body.count > 1, body.hasPrefix("0") {
            magnitude = Int(body.dropFirst(), radix: 8)
        } else if body.contains(":") {
            // Sexagesimal (YAML 1.1): 1:30 == 90.
            var total = 0
            for part in body.split(separator: ":") {
                guard let value = Int(part) else { return nil }
                let (product, overflow) = total.multipliedReportingOverflow(by: 60)
                let (sum, sumOverflow) = product.addingReportingOverflow(value)
                guard !overflow, !sumOverflow else { return nil }
                total = sum
            }
            magnitude = total
        } else {
            magnitude = Int(body)
        }
        guard let magnitude else { return nil }
        return negative ? -magnitude : magnitude
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isInteger(_ all: [UInt8]) -> Bool {
        var bytes = all[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        guard let first = bytes.first else { return false }
        let underscore = UInt8(ascii: "_")
        if bytes.starts(with: "0b".utf8) {
            let rest = bytes.dropFirst(2)
            return !rest.isEmpty && rest.allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == underscore }
        }
        if bytes.starts(with: "0x".utf8) {
            let rest = bytes.dropFirst(2)
            return !rest.isEmpty
                && rest.allSatisfy {
                    isDigit($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) || $0 == underscore
                }
        }
        if bytes.starts(with: "0o".utf8) {
            let rest = bytes.dropFirst(2)
            return !rest.isEmpty && rest.allSatisfy { (0x30...0x37).contains($0) || $0 == underscore }
        }
        if first == 0x30 {
            return bytes.dropFirst().allSatisfy { (0x30...0x37).contains($0) || $0 == underscore }
        }
        guard isDigit(first) else { return false }
        // Decimal, or sexagesimal `1:30`.
        var sawColon = false
        var digitsSinceColon = 0
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") {
                if sawColon, digitsSinceColon == 0 { return false }
                sawColon = true
                digitsSinceColon = 0
            } else if isDigit(byte) {
                digitsSinceColon += 1
                if sawColon, digitsSinceColon > 2 { return false }
            } else if byte != underscore || sawColon {
                return false
            }
        }
        return !sawColon || digitsSinceColon > 0
    }

    private static func isFloat(_ all: [UInt8]) -> Bool {
        var bytes = all[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        // [0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?  or  \.[0-9_]+([eE][-+][0-9]+)?
        var index = bytes.startIndex
        var mantissaDigits = 0
        while index < bytes.endIndex, isDigit(bytes[index]) || (mantissaDigits > 0 && bytes[index] == UInt8(ascii: "_"))
        {
            mantissaDigits += 1
            index += 1
        }
        var sawDot = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            sawDot = true
            index += 1
            while index < bytes.endIndex, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "_") {
                mantissaDigits += 1
                index += 1
            }
        }
        guard mantissaDigits > 0, sawDot || index < bytes.endIndex else { return false }
        if index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return false }
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            guard index < bytes.endIndex else { return false }
            return bytes[index...].allSatisfy(isDigit)
        }
        return sawDot
    }

    /// `YYYY-MM-DD` (optionally with a time): PyYAML turns these into dates, not strings.
    private static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8, bytes[0...3].allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") else { return false }
        var index = 5
        var digits = 0
        while index < bytes.count, isDigit(bytes[index]) {
            digits += 1
            index += 1
        }
        guard (1...2).contains(digits), index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return false }
        index += 1
        digits = 0
        while index < bytes.count, isDigit(bytes[index]) {
            digits += 1
            index += 1
        }
        guard (1...2).contains(digits) else { return false }
        if index == bytes.count { return bytes.count == 10 }
        return bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t")
            || bytes[index] == UInt8(ascii: " ")
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(self.filter { $0 != "_" }) }
}
