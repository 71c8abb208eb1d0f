import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

extension ToolPolicyCommand {
    /// `toolpolicy lint FILE`: check every row of a school's tool list.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check every use in a school's tool list (CSV, YAML or JSON).",
            discussion: """
            Columns: tool, mode, computer, accounts, audience, purpose, recorded, participants \
            (and any use fact of the policy). CSV: `;` or `,` detected, UTF-8 with or without BOM, \
            Windows-1252 or UTF-16. A multi-valued cell separates values with `,` or `|`; an empty cell is \
            unknown. Every row is checked; a malformed row (a bad value, a cell past the header, a cell \
            over 64 KiB) is reported with its row number and does not stop the others. A header naming \
            a column twice, or a row over 1 MiB, stops reading. Control characters in cells are shown \
            as \\u{1B}. A column that is a near miss of a known one (`mdoe`, `outil2`) stops the lint \
            before any row, unless --allow-unknown-columns. FILE `-` reads standard input. A lint \
            longer than a second shows its progress on stderr when stderr is a terminal. \
            Exit 0 no denied or review row, 1 some row denied, 2 some \
            row needs review, 65 a malformed row or an unreadable list (65 wins over 1, 1 over 2).
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, sarif, junit, gitlab
        }

        @Argument(help: "The list: .csv, .json, .yaml or .yml; `-` for standard input (CSV unless --input-format).")
        var file: String

        @Option(help: "Output format: text, json, sarif, junit or gitlab (GitLab Code Quality).")
        var format: Format = .text

        @Option(name: .customLong("input-format"), help: "The list's format when its extension does not tell: csv, json or yaml.")
        var inputFormat: ListFormat?

        @Flag(help: "Text output: also print allowed rows.")
        var all = false

        @Flag(help: "Text output: print the summary and the denied rows only.")
        var quiet = false

        @Flag(help: "JSON output: also give each checked row its whole decision (as `check --format json`), not only its verdict, findings and unknown facts.")
        var decisions = false

        @Flag(name: .customLong("allow-unknown-columns"), help: "Lint a list whose column looks like a misspelt known one, ignoring that column.")
        var allowUnknownColumns = false

        @Option(help: "Evaluate as of this date (YYYY-MM-DD); default today.")
        var date: String?

        @OptionGroup var policyOptions: PolicyOptions

        @Option(help: "Language of the messages: fr or en.")
        var lang: OutputLanguage = .fr

        /// Checks `--date` before anything is read, so a mistake shows `lint`'s usage line.
        func validate() throws {
            _ = try Today.resolve(date)
            if all && quiet { throw ValidationError("--all and --quiet are exclusive") }
            if decisions && format != .json { throw ValidationError("--decisions applies to --format json only") }
        }

        func run() throws {
            let policy = try policyOptions.load()
            if file != "-", !FileManager.default.fileExists(atPath: file) {
                StandardError.write(lang.language == .fr
                    ? "erreur : \(file) : ce fichier n'existe pas\n = conseil : vérifiez le chemin ; « - » lit la liste sur l'entrée standard\n"
                    : "error: \(file): no such file\n = hint: check the path; `-` reads the list from standard input\n")
                throw ExitStatus.badInput
            }
            let linter = UseListLinter(policy: policy, today: try Today.resolve(date), explain: decisions)
            let context = LintContext(policy: policy, path: file, language: lang.language)
            let summary: LintSummary
            let readError: ListReadError?
            switch format {
            case .text:
                var reporter = TextLintReporter(context: context, shown: all ? .all : quiet ? .denied : .attention)
                (summary, readError) = run(linter, &reporter)
            case .json:
                var reporter = JSONLintReporter(context: context)
                (summary, readError) = run(linter, &reporter)
            case .sarif:
                var reporter = SARIFLintReporter(context: context)
                (summary, readError) = run(linter, &reporter)
            case .junit:
                var reporter = JUnitLintReporter(context: context)
                (summary, readError) = run(linter, &reporter)
            case .gitlab:
                var reporter = GitLabLintReporter(context: context)
                (summary, readError) = run(linter, &reporter)
            }
            if let readError, format != .text {
                let words = ListPresenter(context: context)
                StandardError.write(VisibleText.escape("\(file):\(readError.place): \(words.error)\(words.labels.colon)\(readError.text.text(in: lang.language))") + "\n")
            }
            if readError != nil || summary.malformed > 0 { throw ExitStatus.badInput }
            if summary.denied > 0 { throw ExitStatus.denied }
            if summary.review > 0 { throw ExitStatus.review }
        }

        private func run(_ linter: UseListLinter, _ reporter: inout some LintReporter & ~Copyable) -> (LintSummary, ListReadError?) {
            var progress = LintProgress(language: lang.language)
            defer { progress.finish() }
            let input = ListFile.input(path: file == "-" ? "/dev/stdin" : file, format: inputFormat ?? ListFormat.guess(file))
            return LintPipeline.run(linter, input: input, into: &reporter, allowUnknownColumns: allowUnknownColumns,
                                    concurrent: true) { progress.row() }
        }
    }
}
