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
    ],
    targets: [
        // The core: language, model, evaluator. No package dependencies, ever.
        .target(name: "ToolPolicy", swiftSettings: swiftSettings),
        .executableTarget(
            name: "ToolPolicyCLI",
            dependencies: [
                "ToolPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
        .testTarget(
            name: "ToolPolicyTests",
            dependencies: ["ToolPolicy"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ToolPolicyCLITests",
            dependencies: ["ToolPolicyCLI", "ToolPolicy"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
