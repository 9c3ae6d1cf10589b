import Testing

@testable import MirrorLab

/// `consistencyLag`: a new resource is missing from the next N Describe calls of its kind, then appears.
@Suite struct ConsistencyTests {
    static func call(_ action: String, _ extra: [String: String] = [:]) -> QueryParameters {
        QueryParameters(["Action": action, "Version": "2016-11-15"].merging(extra) { a, _ in a })
    }

    @Test func newFilterAppearsAfterTheLag() throws {
        var lab = LabEmulator(state: LabState(consistencyLag: 2))
        let created = lab.handle(Self.call("CreateTrafficMirrorFilter"))
        let id = try #require(XMLProbe.values("trafficMirrorFilterId", in: created.body).first)
        // Read 1: by ID → NotFound (as a fresh ID can be on AWS). Read 2: listing → absent. Read 3: present.
        #expect(
            lab.handle(Self.call("DescribeTrafficMirrorFilters", ["TrafficMirrorFilterId.1": id])).errorCode
                == "InvalidTrafficMirrorFilterId.NotFound")
        #expect(
            XMLProbe.values("trafficMirrorFilterId", in: lab.handle(Self.call("DescribeTrafficMirrorFilters")).body)
                .isEmpty)
        #expect(
            XMLProbe.values("trafficMirrorFilterId", in: lab.handle(Self.call("DescribeTrafficMirrorFilters")).body)
                == [id])
    }

    @Test func lagIsPerKindAndDryRunDoesNotCount() throws {
        var lab = LabEmulator(state: LabState(consistencyLag: 1))
        _ = lab.handle(Self.call("CreateTrafficMirrorFilter"))
        // Another kind's Describe and a DryRun Describe are not reads of the filter.
        _ = lab.handle(Self.call("DescribeTrafficMirrorTargets"))
        #expect(
            lab.handle(Self.call("DescribeTrafficMirrorFilters", ["DryRun": "true"])).errorCode == "DryRunOperation")
        #expect(
            XMLProbe.values("trafficMirrorFilterId", in: lab.handle(Self.call("DescribeTrafficMirrorFilters")).body)
                .isEmpty)
        #expect(
            XMLProbe.values("trafficMirrorFilterId", in: lab.handle(Self.call("DescribeTrafficMirrorFilters")).body)
                .count == 1)
    }

    @Test func noLagByDefault() {
        var lab = LabEmulator()
        _ = lab.handle(Self.call("CreateTrafficMirrorFilter"))
        #expect(
            XMLProbe.values("trafficMirrorFilterId", in: lab.handle(Self.call("DescribeTrafficMirrorFilters")).body)
                .count == 1)
    }
}
