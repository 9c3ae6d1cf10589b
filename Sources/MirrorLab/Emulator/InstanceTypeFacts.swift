/// Hypervisor facts for instance types: the non-Nitro families traffic mirroring supports are Xen
/// (reference §D.3); `.metal` sizes report no hypervisor; every other known family is Nitro.
struct InstanceTypeFacts: Sendable, Hashable {
    var name: String
    var hypervisor: String?
    var bareMetal: Bool

    static let xenFamilies: Set<String> = [
        "c4", "d2", "g3", "g3s", "h1", "i3", "m4", "p2", "p3", "r4", "x1", "x1e", "t2",
    ]
    static let nitroFamilies: Set<String> = [
        "m5", "m5d", "m5n", "m5dn", "m5zn", "m6a", "m6i", "m6g", "m7g", "m7i", "c5", "c5n", "c6g", "c6i", "c7g",
        "r5", "r5n", "r6g", "r6i", "t3", "t3a", "t4g", "a1", "i3en", "g4dn",
    ]
    static let sizes = [
        "nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge",
        "12xlarge", "16xlarge", "24xlarge", "metal",
    ]

    init?(_ name: String) {
        let parts = name.split(separator: ".")
        guard parts.count == 2, Self.sizes.contains(String(parts[1])) else { return nil }
        let family = String(parts[0])
        self.name = name
        bareMetal = parts[1] == "metal"
        if Self.xenFamilies.contains(family) {
            hypervisor = bareMetal ? nil : "xen"
        } else if Self.nitroFamilies.contains(family) {
            hypervisor = bareMetal ? nil : "nitro"
        } else {
            return nil
        }
    }

    /// What DescribeInstanceTypes lists without names: a few sizes of each family.
    static let catalogue: [InstanceTypeFacts] = (xenFamilies.union(nitroFamilies)).sorted().flatMap { family in
        ["large", "xlarge"].compactMap { InstanceTypeFacts("\(family).\($0)") }
    }
}
