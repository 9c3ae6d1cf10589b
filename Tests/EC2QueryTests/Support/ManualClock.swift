import Foundation
import Synchronization

@testable import EC2Query

/// A manual monotonic clock.
final class ManualClock: Sendable {
    private let value: Mutex<Double>
    init(_ start: Double = 1000) { value = Mutex(start) }
    var now: Double { value.withLock { $0 } }
    func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
}
