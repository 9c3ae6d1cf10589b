import Foundation
import Synchronization

@testable import EC2Query

/// Reads a committed fixture file.
enum Fixtures {
    static func url(_ path: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(path))) as? [String: Any] ?? [:]
    }
}
