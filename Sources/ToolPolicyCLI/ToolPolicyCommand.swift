import ArgumentParser

/// The `toolpolicy` command: which videoconference tools a French school may use, and how.
@main
struct ToolPolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolpolicy",
        abstract: "Which videoconference tools a school may use, and how — from the academies' own rules.",
        discussion: """
        Exit codes: 0 allowed or conditional (lint: no denied row), 1 denied (lint: some row \
        denied), 2 review (lint: some row needs review), 64 usage error, 65 bad rules or bad input, \
        69 serve could not bind its address or open its decision log.
        """,
        version: "0.1.0",
        subcommands: [Check.self, Lint.self, Validate.self, Verify.self, Diff.self, Explain.self, Tools.self, Fmt.self, Test.self, Lsp.self, Serve.self]
    )
}
