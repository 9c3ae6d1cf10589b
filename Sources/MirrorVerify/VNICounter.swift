/// Counts packets per VNI without hashing in the common case: a capture carries a handful of VNIs, so a short
/// linear list is searched first and only the rest goes to a dictionary.
struct VNICounter: Hashable, Sendable {
    private static let slots = 8
    private var vnis: [UInt32] = []
    private var counts: [Int] = []
    private var overflow: [UInt32: Int] = [:]

    @inline(__always)
    mutating func add(_ vni: UInt32) {
        for index in vnis.indices where vnis[index] == vni {
            counts[index] += 1
            return
        }
        if vnis.count < Self.slots {
            vnis.append(vni)
            counts.append(1)
        } else {
            overflow[vni, default: 0] += 1
        }
    }

    var dictionary: [UInt32: Int] {
        var all = overflow
        for (vni, count) in zip(vnis, counts) { all[vni, default: 0] += count }
        return all
    }
}
