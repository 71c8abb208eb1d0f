import ArgumentParser
import Foundation
import ToolPolicy
import ToolPolicyReports

extension ToolPolicyCommand {
    /// `toolpolicy check TOOL …`: may this tool be used this way?
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Decide whether a tool may be used, and how.",
            discussion: """
            Facts left out are unknown: the answer is then `conditional`, with the conditions \
            that remain. Exit 0 allowed or conditional, 1 denied, 2 review (unlisted tool), \
            64 usage error, 65 bad rules.
            """
        )

        @Argument(help: "The tool, by id, name or alias (zoom, \"Zoom\", \"zoom web\").")
        var tool: String

        @Option(help: "How the tool is used: install or web.")
        var mode: String?

        @Option(help: "The computer: administrative, pedagogical or personal.")
        var computer: String?

        @Option(parsing: .singleValue, help: "Who must create an account: none, staff, pupils, external (repeatable, or comma-separated).")
        var accounts: [String] = []

        @Option(parsing: .singleValue, help: "Who takes part: pupils, staff, external (repeatable, or comma-separated).")
        var audience: [String] = []

        @Option(help: "What for: class, staff-meeting, council or external-meeting.")
        var purpose: String?

        @Flag(inversion: .prefixedNo, help: "Whether the session is recorded.")
        var recorded: Bool?

        /// Text, typed by the policy like a list's cell: `-5` reaches the fact's own check
        /// ("a count must be 0 or more") instead of being taken for an option.
        @Option(parsing: .unconditional, help: "How many people take part (0 or more).")
        var participants: String?

        @Option(name: .customLong("fact"), parsing: .singleValue, help: ArgumentHelp(
            "Any other use fact of the policy, as name=value (repeatable).", valueName: "name=value"
        ))
        var facts: [String] = []

        @Option(help: "Evaluate as of this date (YYYY-MM-DD); default today.")
        var date: String?

        @Option(help: "With --format letter: who asked, for the greeting (e.g. \"Mme Martin\").")
        var requester: String?

        @Option(help: "With --format letter: who signs, above the helpdesk's block.")
        var signature: String?

        @OptionGroup var policyOptions: PolicyOptions

        @Option(help: "Output format: text, json, or letter (the French reply to send, from the policy's templates).")
        var format: DecisionFormat = .text

        @Option(help: "Language of the messages: fr or en.")
        var lang: OutputLanguage = .fr

        /// Checks the option values that need no policy, so that ArgumentParser reports a
        /// mistake with `check`'s own usage line.
        func validate() throws {
            _ = try useFacts()
            _ = try Today.resolve(date)
        }

        func run() throws {
            let policy = try policyOptions.load()
            // A near miss of a listed tool is a typing mistake, not an unlisted tool: ask.
            let candidates = policy.nearMisses(of: tool)
            let language = lang.language
            if !candidates.isEmpty {
                let names = candidates.map { "\($0.name) (\($0.id))" }
                StandardError.write(language == .fr
                    ? "erreur : « \(tool) » n'est pas dans le catalogue\n  = conseil : vouliez-vous dire \(names.joined(separator: ", ou "))) ?\n"
                    : "error: `\(tool)` is not in the catalog\n  = hint: did you mean \(names.joined(separator: ", or "))?\n")
                throw ExitStatus.usage
            }
            let request: UseRequest
            do {
                request = try policy.request(tool: tool, facts: try useFacts(), today: try Today.resolve(date))
            } catch let error as RequestError {
                StandardError.write(UsageMessage.render(error, in: language))
                throw ExitStatus.usage
            }
            var decision = policy.decide(request)
            decision.waysToComply = policy.remedies(for: request)
            switch format {
            case .text:
                let presentation = Presenter(policy: policy, language: language).present(decision)
                print(DecisionText(style: .standardOutput).render(presentation), terminator: "")
            case .json:
                print(try JSONOutput.string(decision))
            case .letter:
                var letter = try policyOptions.letter(for: policy)
                letter.requester = requester
                letter.signature = signature
                print(letter.render(decision), terminator: "")
            }
            throw ExitStatus.of(decision.verdict)
        }

        /// The use facts given by options, as text values to type against the policy.
        func useFacts() throws -> [String: FactValue?] {
            var facts: [String: FactValue?] = [:]
            func put(_ name: String, _ value: String?) { if let value { facts[name] = .string(value) } }
            put("mode", mode)
            put("computer", computer)
            put("accounts", accounts.isEmpty ? nil : accounts.joined(separator: ","))
            put("audience", audience.isEmpty ? nil : audience.joined(separator: ","))
            put("purpose", purpose)
            put("recorded", recorded.map(String.init))
            put("participants", participants)
            for fact in self.facts {
                let parts = fact.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    throw ValidationError("--fact takes name=value, e.g. --fact waiting_room=false (got `\(fact)`)")
                }
                let name = parts[0].hasPrefix("use.") ? String(parts[0].dropFirst(4)) : parts[0]
                if facts[name] != nil {
                    throw ValidationError("`\(name)` is given twice (an option and --fact, or two --fact); give it once")
                }
                put(name, parts[1])
            }
            return facts
        }
    }
}

/// The evaluation date: `--date`, or today in UTC.
enum Today {
    static func resolve(_ text: String?) throws -> CivilDate {
        if let text {
            guard let date = CivilDate(parsing: text) else { throw ValidationError("--date takes YYYY-MM-DD (got `\(text)`)") }
            return date
        }
        return .today()
    }
}

/// How a bad fact value is told on the command line.
enum UsageMessage {
    static func render(_ error: RequestError, in language: Language = .en) -> String {
        var out = (language == .fr ? "erreur : " : "error: ") + error.text.text(in: language) + "\n"
        if let hint = error.hintText { out += (language == .fr ? "  = conseil : " : "  = hint: ") + hint.text(in: language) + "\n" }
        return out
    }
}
