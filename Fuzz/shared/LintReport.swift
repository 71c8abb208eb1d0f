// Shared by the list targets (csv, json, yaml): lints a list against the shipped policy the
// way `toolpolicy lint --format json` and `POST /v1/lint` do, and checks the report is JSON.
import Foundation
import ToolPolicy
import ToolPolicyReports

/// The shipped policy (Rules/, the default profile), loaded once.
let shipped: Policy = {
    let folder = ProcessInfo.processInfo.environment["TOOLPOLICY_FUZZ_RULES"] ?? "Rules"
    guard let policy = PolicyLoader.load(at: folder).policy else { fatalError("\(folder) does not load: run from the repository root") }
    return policy
}()

/// Lints `input` into a JSON report in memory, reading on a second thread as the CLI does;
/// a report that `JSONReader` cannot read back is a bug (a value written without escaping).
func lintReport(_ input: ListInput) {
    let linter = UseListLinter(policy: shipped, today: CivilDate(year: 2026, month: 11, day: 30)!)
    var reporter = JSONLintReporter(context: LintContext(policy: shipped, path: "fuzz", language: .fr), to: .memory)
    _ = LintPipeline.run(linter, input: input, into: &reporter, concurrent: true)
    let report = reporter.output.take()
    do {
        _ = try JSONReader.read(report)
    } catch {
        fatalError("the lint report is not JSON (\(error)):\n\(String(decoding: report, as: UTF8.self))")
    }
}
