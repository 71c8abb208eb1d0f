import ArgumentParser
import Foundation
import ToolPolicy

extension ToolPolicyCommand {
    /// `toolpolicy test [PATH…] [--coverage] [--threshold N]`: run the rules' test cases.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run the rules' test cases (.tests files), optionally with condition coverage.",
            discussion: """
            PATH is a .tests file or a folder (every .tests file under it); default: the policy \
            folder. A case names a profile, a tool and use facts, and expects a verdict and, \
            optionally, the rules that decide, the conditions, the advice, the remedies and the \
            questions (docs/testing.md). Exit 0 when every case passes (and the coverage reaches \
            --threshold), 1 when a case fails or the coverage is below it, 65 when a test file \
            names an unknown profile, tool, fact, value or rule, or does not parse.
            """
        )

        @Option(name: .long, help: "The policy folder (or one .rules file).")
        var policy: String?

        @Flag(help: "Report, for each rule, which outcomes of its conditions the cases reached, and what is left untried.")
        var coverage = false

        @Option(help: "Fail (exit 1) when the coverage is below this percentage; implies --coverage.")
        var threshold: Double?

        @Flag(help: "Also list the cases that pass.")
        var verbose = false

        @Argument(help: "Test files or folders (default: the policy folder).")
        var paths: [String] = []

        func validate() throws {
            if let threshold, !(0 ... 100).contains(threshold) {
                throw ValidationError("--threshold is a percentage, from 0 to 100")
            }
        }

        func run() throws {
            let policyPath = PolicyOptions.resolve(policy)
            let loaded = PolicyLoader.load(at: policyPath, profile: nil)
            guard !loaded.sources.isEmpty else {
                StandardError.write(DiagnosticRenderer(sources: []).render(loaded.diagnostics))
                throw ExitStatus.badInput
            }
            let files = try (paths.isEmpty ? [policyPath] : paths).flatMap(Self.testFiles)
            guard !files.isEmpty else {
                StandardError.write("error: no .tests file under \(paths.isEmpty ? policyPath : paths.joined(separator: ", "))\n")
                throw ExitStatus.badInput
            }
            let tests = try files.map { SourceFile(path: $0, text: try String(contentsOfFile: $0, encoding: .utf8)) }
            let report = PolicyTestRunner.run(tests: tests, policy: loaded.sources, coverage: coverage || threshold != nil)
            let renderer = DiagnosticRenderer(sources: report.sources)
            if !report.diagnostics.isEmpty { StandardError.write(renderer.render(report.diagnostics)) }
            if report.diagnostics.containsErrors { throw ExitStatus.badInput }
            print(Self.render(report.results, verbose: verbose), terminator: "")
            var failed = report.results.contains { !$0.passed }
            if let coverage = report.coverage {
                print(Self.render(coverage), terminator: "")
                if let threshold, coverage.percent < threshold {
                    StandardError.write("error: coverage \(Self.percent(coverage.percent)) is below the threshold \(Self.percent(threshold))\n")
                    failed = true
                }
            }
            if failed { throw ExitCode.failure }
        }

        static func render(_ results: [PolicyTestResult], verbose: Bool) -> String {
            var out = ""
            for result in results where verbose || !result.passed {
                let place = "\(result.range.start.file):\(result.range.start.line):\(result.range.start.column)"
                out += "\(result.passed ? "PASS" : "FAIL") \(place): \"\(result.name)\" (profile \(result.profile), tool \(result.tool)): \(result.verdict.rawValue)\n"
                for failure in result.failures { out += "    \(failure)\n" }
            }
            let failed = results.count { !$0.passed }
            out += "\(results.count) cases, \(results.count - failed) passed, \(failed) failed\n"
            return out
        }

        static func render(_ coverage: ConditionCoverage) -> String {
            var out = "coverage: \(coverage.covered) of \(coverage.total) condition outcomes reached (\(percent(coverage.percent)))\n"
            for rule in coverage.rules {
                out += "  \(rule.rule): \(rule.covered)/\(rule.items.count)\n"
                for item in rule.items where !item.covered {
                    let place = "\(item.range.start.file):\(item.range.start.line):\(item.range.start.column)"
                    out += "    \(place): untried: \(item.what)\n"
                }
            }
            return out
        }

        static func percent(_ value: Double) -> String {
            String(format: "%.1f %%", value)
        }

        /// The .tests files at `path`: the file itself, or every one under the folder, sorted.
        static func testFiles(_ path: String) throws -> [String] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("\(path): no such file or folder")
            }
            guard isFolder.boolValue else { return [path] }
            let relative = (FileManager.default.subpaths(atPath: path) ?? []).filter { $0.hasSuffix(".tests") }.sorted()
            return relative.map { (path as NSString).appendingPathComponent($0) }
        }
    }
}
