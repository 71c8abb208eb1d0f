import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

extension ToolPolicyCommand {
    /// `toolpolicy verify`: what the rules leave open, decided over every tool and use.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Find dead, shadowed and contradictory rules, undecided uses and catalog holes, each with a witness.",
            discussion: """
            Decides over every catalog tool and every combination of use facts (docs/analysis.md). \
            Exit 0 when no error is found (warnings: gaps, catalog holes, inert requirements and \
            advice), 1 when one is (dead rule, shadowed permit, contradiction) or, with --strict, \
            when anything is found; 64 usage error, 65 bad rules.
            """
        )

        @OptionGroup var policyOptions: PolicyOptions

        @Flag(help: "Verify every profile (the base alone when there is none).")
        var all = false

        @Flag(help: "Fail (exit 1) on warnings too.")
        var strict = false

        @Option(help: "Output format: text, json or sarif.")
        var format: VerifyFormat = .text

        @Option(help: "The date of the witnesses' requests (YYYY-MM-DD); default today.")
        var date: String?

        func validate() throws {
            if all, policyOptions.profile != nil { throw ValidationError("give --profile or --all, not both") }
            _ = try Today.resolve(date)
        }

        func run() throws {
            let today = try Today.resolve(date)
            var reports: [VerifyReport] = []
            for policy in try policies() {
                do {
                    reports.append(VerifyReport(policy: policy, findings: try policy.verify(today: today)))
                } catch {
                    StandardError.write("error: profile \(policy.profileName): \(error)\n")
                    throw ExitStatus.badInput
                }
            }
            switch format {
            case .text: print(VerifyText.render(reports), terminator: "")
            case .json: print(try JSONOutput.string(reports))
            case .sarif: print(try SARIFVerifyReport.render(reports, version: ToolPolicyCommand.configuration.version))
            }
            let findings = reports.flatMap(\.findings)
            if findings.contains(where: { $0.kind.isError }) || (strict && !findings.isEmpty) { throw ExitStatus.denied }
        }

        /// The profile asked for, or with `--all` the base and every profile.
        private func policies() throws -> [Policy] {
            guard all else { return [try policyOptions.load()] }
            let path = policyOptions.resolvedPath()
            let result = PolicyLoader.validate(at: path)
            if result.diagnostics.containsErrors {
                StandardError.write(DiagnosticRenderer(sources: result.sources).render(result.diagnostics))
                throw ExitStatus.badInput
            }
            // Every profile (with its base); the base alone when there is no profile.
            let names: [String?] = result.profiles.isEmpty ? [nil] : result.profiles
            return names.compactMap { PolicyLoader.load(sources: result.sources, profile: $0).policy }
        }
    }
}

/// `verify --format`.
enum VerifyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

/// The findings of one profile, as `verify --format json` prints them.
struct VerifyReport: Encodable {
    let profile: String
    let digest: String
    let findings: [VerifyFinding]

    init(policy: Policy, findings: [VerifyFinding]) {
        profile = policy.profileName
        digest = policy.digest
        self.findings = findings
    }
}
