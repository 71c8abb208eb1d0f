import ArgumentParser
import Foundation
import ToolPolicy

extension ToolPolicyCommand {
    /// `toolpolicy fmt [--check|--diff] [PATH…]`: the one canonical layout of rules files.
    struct Fmt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fmt",
            abstract: "Format rules files in the canonical layout, keeping every comment and the policy digest.",
            discussion: """
            PATH is a .rules file or a folder (every .rules file under it); default: the policy \
            folder. Without an option the files are rewritten in place. --check changes nothing, \
            shows the diff of each file not in the canonical layout and exits 1 if there is one; \
            --diff only shows the diffs. A file with syntax errors is not formatted: its \
            diagnostics are printed and the exit code is 65.
            """
        )

        @Flag(help: "Change nothing; show the diff and exit 1 when a file is not formatted.")
        var check = false

        @Flag(help: "Change nothing; show the diff of each file that formatting would change.")
        var diff = false

        @Argument(help: "Rules files or folders (default: the policy folder).")
        var paths: [String] = []

        func validate() throws {
            if check && diff { throw ValidationError("--check and --diff are exclusive: --check already shows the diff") }
        }

        func run() throws {
            let files = try (paths.isEmpty ? [PolicyOptions.resolve(nil)] : paths).flatMap(Self.rulesFiles)
            var unformatted = 0
            var invalid = false
            for path in files {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let source = SourceFile(path: path, text: text)
                switch RulesFormatter.format(source) {
                case .failure(.invalid(let diagnostics)):
                    StandardError.write(DiagnosticRenderer(sources: [source]).render(diagnostics))
                    invalid = true
                case .failure(.contentChanged):
                    StandardError.write("\(path): error: formatting would change the file's content; it is left as it is (please report this)\n")
                    invalid = true
                case .success(let formatted) where formatted != text:
                    unformatted += 1
                    if check || diff {
                        print(LineDiff.unified(text, formatted, path: path), terminator: "")
                    } else {
                        try formatted.write(toFile: path, atomically: true, encoding: .utf8)
                        print("formatted \(path)")
                    }
                case .success:
                    break
                }
            }
            if invalid { throw ExitStatus.badInput }
            if check && unformatted > 0 {
                StandardError.write("\(unformatted) of \(files.count) files not formatted: run `toolpolicy fmt`\n")
                throw ExitCode.failure
            }
        }

        /// The .rules files at `path`: the file itself, or every one under the folder, sorted.
        static func rulesFiles(_ path: String) throws -> [String] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("\(path): no such file or folder")
            }
            guard isFolder.boolValue else { return [path] }
            let relative = (FileManager.default.subpaths(atPath: path) ?? []).filter { $0.hasSuffix(".rules") }.sorted()
            return relative.map { (path as NSString).appendingPathComponent($0) }
        }
    }
}
