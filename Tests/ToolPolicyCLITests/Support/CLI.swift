import Foundation
import Testing

/// Runs the built `toolpolicy` binary, the way ArgumentParser's `AssertExecuteCommand` does:
/// found next to the test bundle, run with `Process`, stdout, stderr and the exit status captured.
enum CLI {
    /// The package root, from this file's path (`Tests/ToolPolicyCLITests/Support/CLI.swift`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ToolPolicyCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The shipped policy folder.
    static var rules: String { packageRoot.appendingPathComponent("Rules").path }

    /// This target's fixtures folder (read through `#filePath`, not a resource bundle).
    static var fixtures: URL {
        packageRoot.appendingPathComponent("Tests/ToolPolicyCLITests/Fixtures")
    }

    /// The `toolpolicy` executable: next to the test bundle (the build products folder), else
    /// the newest `.build/*/debug/toolpolicy` under the package root.
    static let binary: URL? = {
        let fileManager = FileManager.default
        var folders: [URL] = []
        let bundle = Bundle.main.bundleURL
        folders.append(bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle)
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("toolpolicy")
            if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let build = packageRoot.appendingPathComponent(".build")
        var found: [URL] = [build.appendingPathComponent("debug/toolpolicy")]
        for triple in (try? fileManager.contentsOfDirectory(atPath: build.path)) ?? [] {
            found.append(build.appendingPathComponent(triple).appendingPathComponent("debug/toolpolicy"))
        }
        return found
            .filter { fileManager.isExecutableFile(atPath: $0.path) }
            .max { modified($0) < modified($1) }
    }()

    private static func modified(_ url: URL) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// What a run printed and how it ended.
    struct Result: CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data

        var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

        var description: String {
            "toolpolicy \(arguments.joined(separator: " ")) → exit \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
        }
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String {
            "the toolpolicy binary was not found next to the test bundle nor under \(packageRoot.path)/.build; run `swift build --build-tests` first"
        }
    }

    /// Runs `toolpolicy arguments…`; output goes through files so that a long report never
    /// blocks on a full pipe.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, executable: URL? = nil
    ) throws -> Result {
        guard let binary = executable ?? binary else { throw MissingBinary() }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("toolpolicy-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = environment ?? ProcessInfo.processInfo.environment
        if environment == nil { env.removeValue(forKey: "TOOLPOLICY_RULES") }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdoutData = try Data(contentsOf: outURL)
        let stderrData = try Data(contentsOf: errURL)
        return Result(
            arguments: arguments, status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self),
            stdoutData: stdoutData
        )
    }

    /// Runs a command against the shipped rules (`--policy <root>/Rules`).
    static func run(policy arguments: [String]) throws -> Result {
        try run(arguments + ["--policy", rules])
    }
}

/// A fresh temporary folder per test, removed at the end.
struct TemporaryFolder: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("toolpolicy-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `data` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    /// Writes `text` as UTF-8.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }
}

/// The ids of every rule of the shipped policy, read from the `.rules` files.
enum ShippedRules {
    static let ids: Set<String> = {
        var ids = Set<String>()
        let root = URL(fileURLWithPath: CLI.rules)
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".rules"),
                  let text = try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("rule \"") {
                let rest = line.dropFirst("rule \"".count)
                if let end = rest.firstIndex(of: "\"") { ids.insert(String(rest[..<end])) }
            }
        }
        return ids
    }()
}

extension JSONDecoder {
    /// Decodes `type` from a run's stdout, recording the output on failure.
    static func decode<T: Decodable>(_ type: T.Type, from result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: result.stdoutData)
        } catch {
            Issue.record("could not decode \(T.self): \(error)\n\(result)", sourceLocation: sourceLocation)
            throw error
        }
    }
}
