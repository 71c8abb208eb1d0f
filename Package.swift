// swift-tools-version: 6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "toolpolicy",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "toolpolicy", targets: ["ToolPolicyCLI"]),
        .library(name: "ToolPolicy", targets: ["ToolPolicy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/ordo-one/malloc-interposer.git", from: "1.6.1"),
    ],
    targets: [
        // The core: language, model, evaluator. No package dependencies, ever.
        .target(name: "ToolPolicy", swiftSettings: swiftSettings),
        // What the CLI and the server both show: JSON documents, French/English text, the reply letter.
        // The letter and the page are Mustache templates of the policy folder (`Rules/templates/`).
        .target(
            name: "ToolPolicyReports",
            dependencies: ["ToolPolicy", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        // `toolpolicy serve`: the HTTP API and the helpdesk page, over the core.
        .target(
            name: "ToolPolicyServer",
            dependencies: [
                "ToolPolicy",
                "ToolPolicyReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The HTTP contract, compiled into the binary so that it needs no file beside it.
            // Each is a symlink to its one copy in docs/ (docs/http.md, "The contract").
            resources: [
                .embedInCode("Contract/openapi.yaml"),
                .embedInCode("Contract/decision.schema.json"),
                .embedInCode("Contract/lint.schema.json"),
                .embedInCode("Contract/catalog.schema.json"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ToolPolicyCLI",
            dependencies: [
                "ToolPolicy",
                "ToolPolicyReports",
                "ToolPolicyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ToolPolicyBench",
            dependencies: ["ToolPolicy"],
            path: "Benchmarks/ToolPolicyBench",
            swiftSettings: swiftSettings
        ),
        // The heap allocations of the evaluator path against their ceilings (ceilings.json), counted
        // by ordo-one/malloc-interposer: `swift build -c release --product AllocationCheck`, then
        // `.build/release/AllocationCheck` (docs/performance.md, "Allocations"). CI runs it.
        .executableTarget(
            name: "AllocationCheck",
            dependencies: ["ToolPolicy", .product(name: "MallocInterposerSwift", package: "malloc-interposer")],
            path: "Benchmarks/AllocationCheck",
            exclude: ["ceilings.json"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ToolPolicyTests",
            dependencies: ["ToolPolicy"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ToolPolicyServerTests",
            dependencies: [
                "ToolPolicyServer",
                "ToolPolicy",
                "ToolPolicyReports",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ToolPolicyCLITests",
            dependencies: [
                "ToolPolicyCLI", "ToolPolicy", "ToolPolicyReports", "ToolPolicyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Fixtures", "__Snapshots__"],
            swiftSettings: swiftSettings
        ),
    ]
)

// The DocC catalog of the library (Sources/ToolPolicy/ToolPolicy.docc) is built with
// swift-docc-plugin, which only that command needs: it is a dependency only when asked for,
//     TOOLPOLICY_DOCS=1 swift package --scratch-path .build-docs generate-documentation --target ToolPolicy
// so that nobody else resolves or builds it.
if Context.environment["TOOLPOLICY_DOCS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.5.0"))
}
