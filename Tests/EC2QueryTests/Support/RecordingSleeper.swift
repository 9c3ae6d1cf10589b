import Foundation
import Synchronization

@testable import EC2Query

/// A sleeper that records requested delays and returns at once.
final class RecordingSleeper: Sleeper {
    private let delays = Mutex<[Double]>([])
    var recorded: [Double] { delays.withLock { $0 } }
    func sleep(seconds: Double) async throws { delays.withLock { $0.append(seconds) } }
}
