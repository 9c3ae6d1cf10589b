// swift-tools-version: 6.1
import PackageDescription

// Module layout follows ../shared/design/architecture.md; dependency arrows point one way:
// Model ← Manifest / EC2Query / PacketCapture ← MirrorVerify / MirrorLab ← CLI ← mirrorplan.
let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "mirrorplan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mirrorplan", targets: ["mirrorplan"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .target(name: "MirrorPlanModel", swiftSettings: upcoming),
        .target(
            name: "MirrorPlanManifest",
            dependencies: ["MirrorPlanModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: upcoming),
        .target(
            name: "EC2Query",
            dependencies: ["MirrorPlanModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming),
        // Linux socket headers (AF_PACKET, BPF, ICMP) for live capture and the prober; header-only, links nothing.
        .systemLibrary(name: "CLinuxNet", path: "Sources/CLinuxNet"),
        .target(name: "PacketCapture", dependencies: ["CLinuxNet"], swiftSettings: upcoming),
        .target(name: "MirrorVerify", dependencies: ["MirrorPlanModel", "PacketCapture"], swiftSettings: upcoming),
        .target(
            name: "MirrorPlanEngine",
            dependencies: ["MirrorPlanModel", "EC2Query", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming),
        .target(
            name: "MirrorLab",
            dependencies: ["MirrorPlanModel", "EC2Query", .product(name: "Yams", package: "Yams")],
            swiftSettings: upcoming),
        .target(
            name: "MirrorPlanCLI",
            dependencies: [
                "MirrorPlanModel", "MirrorPlanManifest", "EC2Query", "PacketCapture", "MirrorVerify", "MirrorLab",
                "MirrorPlanEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming),
        // Test-only library: running real binaries (mirrorplan, ip, tcpdump, tshark, aws) from tests.
        .target(name: "MirrorPlanTestSupport", swiftSettings: upcoming),
        .executableTarget(
            name: "mirrorplan",
            dependencies: ["MirrorPlanCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: upcoming),

        .testTarget(
            name: "MirrorPlanManifestTests",
            dependencies: ["MirrorPlanManifest", "MirrorPlanModel", "MirrorPlanTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "MirrorPlanModelTests", dependencies: ["MirrorPlanModel"]),
        .testTarget(
            name: "EC2QueryTests", dependencies: ["EC2Query", "MirrorPlanTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PacketCaptureTests", dependencies: ["PacketCapture"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MirrorVerifyTests", dependencies: ["MirrorVerify", "PacketCapture"]),
        .testTarget(
            name: "MirrorPlanEngineTests",
            dependencies: ["MirrorPlanEngine", "MirrorPlanModel", "EC2Query", "MirrorLab"]),
        // The built binary on fixtures, and on kernel-made captures (network namespaces, VXLAN, tc mirroring; root).
        .testTarget(name: "VerifyEndToEndTests", dependencies: ["PacketCapture", "MirrorPlanTestSupport"]),
        // import's pure half: the manifest writer read back by the real loader, logical names.
        .testTarget(
            name: "MirrorPlanImportTests", dependencies: ["MirrorPlanEngine", "MirrorPlanManifest", "MirrorPlanModel"]),
        .testTarget(name: "MirrorLabTests", dependencies: ["MirrorLab", "EC2Query", "MirrorPlanTestSupport"]),
        .testTarget(
            name: "MirrorPlanCLITests",
            dependencies: ["MirrorPlanCLI", "MirrorPlanTestSupport", "MirrorLab", "EC2Query"]),
    ]
)
