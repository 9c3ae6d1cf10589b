import EC2Query
import Foundation

/// Parses HTTP/1.1 requests from a connection's bytes: request line, headers, a Content-Length or chunked
/// body. Pure and incremental: feed the buffer, get a request and how many bytes it used, "need more", or
/// an error status. Limits keep hostile clients from exhausting memory.
struct HTTPRequestParser: Sendable {
    static let maxHeaderBytes = 64 * 1024
    static let maxBodyBytes = 16 * 1024 * 1024

    enum Result: Equatable {
        /// More bytes are needed; `expectsContinue` once the headers asked for `100 Continue`.
        case needMore(expectsContinue: Bool)
        case request(HTTPRequest, consumed: Int, keepAlive: Bool)
        case invalid(status: Int, reason: String)
    }

    static func parse(_ buffer: [UInt8]) -> Result {
        guard let headerEnd = find([13, 10, 13, 10], in: buffer, from: 0) else {
            return buffer.count > maxHeaderBytes
                ? .invalid(status: 431, reason: "request headers exceed \(maxHeaderBytes) bytes")
                : .needMore(expectsContinue: false)
        }
        guard headerEnd <= maxHeaderBytes else {
            return .invalid(status: 431, reason: "request headers exceed \(maxHeaderBytes) bytes")
        }
        guard let head = String(bytes: buffer[0..<headerEnd], encoding: .utf8) else {
            return .invalid(status: 400, reason: "request headers are not UTF-8")
        }
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."), !requestLine[0].isEmpty,
            requestLine[1].hasPrefix("/")
        else {
            return .invalid(status: 400, reason: "malformed request line")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                return .invalid(status: 400, reason: "malformed header line")
            }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }

        guard let url = URL(string: "http://127.0.0.1" + requestLine[1]) else {
            return .invalid(status: 400, reason: "malformed request target")
        }
        let http10 = requestLine[2] == "HTTP/1.0"
        let connection = header("connection")?.lowercased() ?? ""
        let keepAlive = http10 ? connection == "keep-alive" : connection != "close"
        let bodyStart = headerEnd + 4
        let expectsContinue = header("expect")?.lowercased() == "100-continue"

        let body: [UInt8]
        let consumed: Int
        if header("transfer-encoding")?.lowercased().contains("chunked") == true {
            switch dechunk(buffer, from: bodyStart) {
            case .needMore: return .needMore(expectsContinue: expectsContinue)
            case .invalid(let reason): return .invalid(status: 400, reason: reason)
            case .done(let bytes, let end):
                body = bytes
                consumed = end
            }
        } else {
            let lengthText = header("content-length") ?? "0"
            guard let length = Int(lengthText), length >= 0 else {
                return .invalid(status: 400, reason: "invalid Content-Length")
            }
            guard length <= maxBodyBytes else {
                return .invalid(status: 413, reason: "body exceeds \(maxBodyBytes) bytes")
            }
            guard buffer.count - bodyStart >= length else { return .needMore(expectsContinue: expectsContinue) }
            body = Array(buffer[bodyStart..<bodyStart + length])
            consumed = bodyStart + length
        }
        let request = HTTPRequest(method: String(requestLine[0]), url: url, headers: headers, body: Data(body))
        return .request(request, consumed: consumed, keepAlive: keepAlive)
    }

    private enum Chunked {
        case needMore
        case invalid(String)
        case done([UInt8], Int)
    }

    private static func dechunk(_ buffer: [UInt8], from start: Int) -> Chunked {
        var position = start
        var body: [UInt8] = []
        while true {
            guard let lineEnd = find([13, 10], in: buffer, from: position) else {
                return buffer.count - position > 1024 ? .invalid("chunk size line too long") : .needMore
            }
            let sizeText = String(decoding: buffer[position..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                return .invalid("invalid chunk size")
            }
            guard body.count + size <= maxBodyBytes else { return .invalid("body exceeds \(maxBodyBytes) bytes") }
            position = lineEnd + 2
            if size == 0 {
                // Trailers (ignored) end with an empty line.
                guard let end = find([13, 10, 13, 10], in: buffer, from: position - 2) else { return .needMore }
                return .done(body, end + 4)
            }
            guard buffer.count >= position + size + 2 else { return .needMore }
            body += buffer[position..<position + size]
            guard buffer[position + size] == 13, buffer[position + size + 1] == 10 else {
                return .invalid("chunk not followed by CRLF")
            }
            position += size + 2
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The bytes of a response with `Content-Length`.
    static func serialize(_ response: HTTPResponse, keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\nServer: mirrorplan-lab\r\n"
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        return Array(head.utf8) + Array(response.body)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 412: "Precondition Failed"
        case 413: "Payload Too Large"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
