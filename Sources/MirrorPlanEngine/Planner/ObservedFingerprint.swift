internal import Crypto
import Foundation

/// A digest of observed live state: `apply PLANFILE` recomputes it and refuses a plan whose world moved.
enum ObservedFingerprint {
    static func of(live: [ResourceRecord], foreign: [ForeignSession]) -> String {
        // A canonical line per resource: sorted addresses, sorted attributes and tags, length-prefixed values
        // so that no two different states can print the same text.
        var text = ""
        func field(_ value: String) { text += "\(value.utf8.count):\(value);" }
        for record in live.sorted(by: { $0.address < $1.address }) {
            field(record.address.description)
            field(record.id ?? "")
            for (key, value) in record.attributes.sorted(by: { $0.key < $1.key }) {
                field(key)
                field(value)
            }
            text += "|"
            for (key, value) in record.tags.sorted(by: { $0.key < $1.key }) {
                field(key)
                field(value)
            }
            text += "\n"
        }
        for session in foreign.sorted(by: { $0.id < $1.id }) {
            field(session.id)
            field(session.sourceNetworkInterfaceId)
            field(String(session.sessionNumber))
            field(session.targetId ?? "")
            field(session.filterId ?? "")
            text += "\n"
        }
        let digest = SHA256.hash(data: Data(text.utf8))
        return "sha256:" + digest.map { String(format: "%02x", $0) }.joined()
    }
}
