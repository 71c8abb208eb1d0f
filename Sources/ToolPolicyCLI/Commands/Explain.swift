import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

extension ToolPolicyCommand {
    /// `toolpolicy explain TOOL --fact name=value …`: every rule's condition, test by test.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show every rule's condition for a use, with the truth of each test and the source of each tool fact.",
            discussion: "Exit 0 allowed or conditional, 1 denied, 2 review, 64 usage error, 65 bad rules (as `check`)."
        )

        @Argument(help: "The tool, by id, name or alias.")
        var tool: String

        @Option(name: .customLong("fact"), parsing: .singleValue, help: ArgumentHelp(
            "A use fact, as name=value (repeatable): --fact mode=install --fact accounts=pupils,staff.", valueName: "name=value"
        ))
        var facts: [String] = []

        @Option(help: "Evaluate as of this date (YYYY-MM-DD); default today.")
        var date: String?

        @OptionGroup var policyOptions: PolicyOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func validate() throws { _ = try Today.resolve(date) }

        func run() throws {
            let policy = try policyOptions.load()
            var given: [String: FactValue?] = [:]
            for fact in facts {
                let parts = fact.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError("--fact takes name=value (got `\(fact)`)") }
                given[parts[0]] = .string(parts[1])
            }
            let request: UseRequest
            do {
                request = try policy.request(tool: tool, facts: given, today: try Today.resolve(date))
            } catch let error as RequestError {
                StandardError.write(UsageMessage.render(error))
                throw ExitStatus.usage
            }
            let trace = policy.explain(request)
            switch format {
            case .text: print(ExplainText.render(trace), terminator: "")
            case .json: print(try JSONOutput.string(trace))
            }
            throw ExitStatus.of(trace.verdict)
        }
    }
}

/// `explain`'s text: per rule, its line, the truth the answer used, the condition as an
/// indented tree of tests with their truth, and the tool facts with their sources.
enum ExplainText {
    static func render(_ trace: ExplainTrace) -> String {
        var out = "\(trace.tool): \(trace.verdict.rawValue)\n"
        for rule in trace.rules {
            let start = rule.range.start
            out += "\n\(rule.rule) (\(rule.effect.rawValue), \(start.file):\(start.line)): \(rule.truth)"
            out += rule.requirement.map { ", requirement \($0)" } ?? ""
            out += "\n"
            if !rule.requirementLines.isEmpty { out += "  require:\n" + lines(rule.requirementLines, indent: 4) }
            if !rule.condition.isEmpty { out += (rule.requirementLines.isEmpty ? "" : "  when:\n") + lines(rule.condition, indent: rule.requirementLines.isEmpty ? 2 : 4) }
            for fact in rule.toolFacts {
                let value = fact.value?.spelling ?? "unknown (not in the catalog: read as the rule not acting)"
                let source = fact.source.map { " — \($0.document), \($0.section)" } ?? ""
                out += "  · \(fact.fact) = \(value)\(source)\n"
            }
        }
        return out
    }

    private static func lines(_ lines: [ExplainTrace.Line], indent: Int) -> String {
        lines.map { String(repeating: " ", count: indent + 2 * $0.depth) + "[\($0.truth)] \($0.text)\n" }.joined()
    }
}
