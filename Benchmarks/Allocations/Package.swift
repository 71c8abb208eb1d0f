// swift-tools-version: 6.1
// The allocation benchmarks of the evaluator path (docs/performance.md, "Allocations").
// A package of its own, so that the root package's resolve and build never see
// ordo-one/benchmark: it depends on the root package by path, and uses only its
// `ToolPolicy` library.
import PackageDescription

// A package found by path is named after its folder, which is the clone's: whatever the
// checkout is called (a CI clone, a worktree), this is the name to ask for its product.
let root = Context.packageDirectory.split(separator: "/").dropLast(2).last.map { String($0).lowercased() } ?? "toolpolicy"

let package = Package(
    name: "toolpolicy-allocations",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        // Only the malloc counter: the default `RuntimeInterposer` trait would pull a
        // package this toolchain does not need (and this machine does not hold).
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The benchmark plugin finds a target by its folder: `Benchmarks/<target>/`.
        .executableTarget(
            name: "EvaluatorAllocations",
            dependencies: [
                .product(name: "ToolPolicy", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EvaluatorAllocations",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
