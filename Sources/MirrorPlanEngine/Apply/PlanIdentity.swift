internal import Crypto
import Foundation

/// The id of one plan and the ClientTokens derived from it (architecture.md, reference A.8): a retried
/// Create, or a re-applied saved plan, sends the same token and gets the same resource back. The nonce
/// (fresh per `plan` run, saved in the plan file) keeps a later plan over the same state — after a destroy,
/// say — from receiving resources EC2 remembers under an old token and has since deleted.
public struct PlanIdentity: Hashable, Sendable {
    public var id: String

    public init(id: String) { self.id = id }

    public init(plan: Plan, desired: [ResourceRecord], nonce: String) {
        var text = "\(plan.stack)\n\(plan.region)\n\(plan.observedFingerprint)\n\(nonce)\n"
        for record in desired.sorted(by: { $0.address < $1.address }) {
            text += "\(record.address)\u{1F}"
            for (key, value) in record.attributes.sorted(by: { $0.key < $1.key }) { text += "\(key)=\(value)\u{1F}" }
            for (key, value) in record.tags.sorted(by: { $0.key < $1.key }) { text += "tag:\(key)=\(value)\u{1F}" }
            text += "\n"
        }
        id = Self.hex(Data(text.utf8))
    }

    /// ≤ 64 ASCII characters, as EC2 requires; distinct per step so no two requests share one.
    public func clientToken(for address: ResourceAddress, step: String = "create") -> String {
        "mp-" + String(Self.hex(Data("\(id)|\(step)|\(address)".utf8)).prefix(48))
    }

    static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
