extension CaptureSummary {
    /// The counts of two captures together (orchestrated verify captures once per check).
    public func merging(_ other: CaptureSummary) -> CaptureSummary {
        var sum = self
        sum.frames += other.frames
        sum.vxlanPortDatagrams += other.vxlanPortDatagrams
        sum.notVXLAN += other.notVXLAN
        sum.vniCounts.merge(other.vniCounts, uniquingKeysWith: +)
        sum.outerFragments += other.outerFragments
        sum.icmpErrorsQuotingVXLAN += other.icmpErrorsQuotingVXLAN
        sum.anomalies.merge(other.anomalies, uniquingKeysWith: +)
        return sum
    }
}
