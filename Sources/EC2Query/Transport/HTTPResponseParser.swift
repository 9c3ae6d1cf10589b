import Foundation

/// Parses one HTTP/1.1 response from the bytes read so far (pure; the socket shell feeds it). Bodies by
/// Content-Length, chunked transfer coding, or until the connection closes. Any byte sequence gives an
/// answer: more bytes needed, a response, or a reason it is not HTTP.
enum HTTPResponseParser {
    enum Outcome: Equatable {
        case needMore
        case response(HTTPResponse)
        case invalid(String)
    }

    static let maxHeaderBytes = 64 * 1024
    static let maxBodyBytes = 256 * 1024 * 1024

    /// `closed`: the peer has closed the connection, so nothing more will arrive.
    static func parse(_ bytes: [UInt8], closed: Bool, method: String) -> Outcome {
        guard let headerEnd = find([13, 10, 13, 10], in: bytes, from: 0) else {
            if bytes.count > maxHeaderBytes { return .invalid("the response headers exceed \(maxHeaderBytes) bytes") }
            if closed {
                return .invalid(
                    bytes.isEmpty
                        ? "the server closed the connection without an answer"
                        : "the server closed the connection in the middle of the response headers")
            }
            return .needMore
        }
        let lines = String(decoding: bytes[0..<headerEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."),
            let status = Int(statusParts[1]), (100...599).contains(status), statusParts[1].count == 3
        else { return .invalid("the answer does not start with an HTTP/1.x status line") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                return .invalid("a response header line has no name")
            }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if let existing = headers.first(where: { $0.key.lowercased() == name.lowercased() }) {
                headers[existing.key] = existing.value + ", " + value
            } else {
                headers[name] = value
            }
        }
        let bodyStart = headerEnd + 4
        // 1xx (e.g. 100 Continue) precedes the real answer: skip it.
        if (100...199).contains(status) {
            return parse(Array(bytes[bodyStart...]), closed: closed, method: method)
        }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name }?.value }
        if method == "HEAD" || status == 204 || status == 304 {
            return .response(HTTPResponse(status: status, headers: headers))
        }
        if let coding = header("transfer-encoding"), coding.lowercased().contains("chunked") {
            switch dechunk(bytes, from: bodyStart) {
            case .needMore:
                return closed ? .invalid("the server closed the connection in the middle of a chunked body") : .needMore
            case .invalid(let reason): return .invalid(reason)
            case .body(let body): return .response(HTTPResponse(status: status, headers: headers, body: Data(body)))
            }
        }
        if let lengthText = header("content-length") {
            guard let length = Int(lengthText), length >= 0, length <= maxBodyBytes else {
                return .invalid("Content-Length \"\(lengthText.prefix(40))\" is not a usable length")
            }
            guard bytes.count - bodyStart >= length else {
                return closed
                    ? .invalid(
                        "the server closed the connection after \(bytes.count - bodyStart) of \(length) body bytes")
                    : .needMore
            }
            return .response(
                HTTPResponse(status: status, headers: headers, body: Data(bytes[bodyStart..<(bodyStart + length)])))
        }
        // Neither: the body runs until the server closes the connection.
        if bytes.count - bodyStart > maxBodyBytes { return .invalid("the response body exceeds \(maxBodyBytes) bytes") }
        return closed
            ? .response(HTTPResponse(status: status, headers: headers, body: Data(bytes[bodyStart...]))) : .needMore
    }

    enum Dechunked: Equatable {
        case needMore
        case invalid(String)
        case body([UInt8])
    }

    static func dechunk(_ bytes: [UInt8], from start: Int) -> Dechunked {
        var body: [UInt8] = []
        var position = start
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: position) else {
                return bytes.count - position > 1024 ? .invalid("a chunk size line is too long") : .needMore
            }
            let sizeText = String(decoding: bytes[position..<lineEnd], as: UTF8.self)
                .split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            guard !sizeText.isEmpty, sizeText.count <= 8, let size = Int(sizeText, radix: 16) else {
                return .invalid("the chunk size \"\(sizeText.prefix(20))\" is not hexadecimal")
            }
            position = lineEnd + 2
            if size == 0 {
                // Trailers (ignored) end with an empty line.
                var trailer = position
                while true {
                    guard let end = find([13, 10], in: bytes, from: trailer) else { return .needMore }
                    if end == trailer { return .body(body) }
                    trailer = end + 2
                }
            }
            guard body.count + size <= maxBodyBytes else {
                return .invalid("the response body exceeds \(maxBodyBytes) bytes")
            }
            guard bytes.count >= position + size + 2 else { return .needMore }
            guard bytes[position + size] == 13, bytes[position + size + 1] == 10 else {
                return .invalid("a chunk is not followed by CRLF")
            }
            body += bytes[position..<(position + size)]
            position += size + 2
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count - start >= needle.count, start >= 0 else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
