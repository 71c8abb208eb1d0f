import ArgumentParser
import Foundation

extension ToolPolicyCommand {
    /// `toolpolicy lsp`: the language server, over standard input and output.
    struct Lsp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lsp",
            abstract: "Run the language server for .rules and .tests files over stdio (JSON-RPC, LSP).",
            discussion: """
            Diagnostics as you type, hover on facts, tools and rules, completion of facts, values, \
            tool ids and rule ids, go-to-definition (docs/editor/README.md). The policy folder is \
            --policy, else the workspace's Rules/ folder. Exit 0 after shutdown and exit, 1 when \
            the input ends or exit comes without shutdown.
            """
        )

        @Option(name: .long, help: "The policy folder (default: the workspace's Rules/ folder).")
        var policy: String?

        func run() throws {
            var server = LanguageServer(
                connection: JSONRPCConnection(input: .standardInput, output: .standardOutput), policy: policy
            )
            let status = server.run()
            if status != 0 { throw ExitCode(status) }
        }
    }
}
