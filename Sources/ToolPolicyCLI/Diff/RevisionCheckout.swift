import ArgumentParser
import Foundation

/// A git revision of the policy folder, extracted into a temporary folder with
/// `git archive`, for `diff`. A path that exists is used as it is.
struct RevisionCheckout {
    let policyFolder: String
    private var temporary: [URL] = []

    init(policyFolder: String) { self.policyFolder = policyFolder }

    /// The folder holding the rules of `revisionOrPath`.
    mutating func path(for revisionOrPath: String) throws -> String {
        if FileManager.default.fileExists(atPath: revisionOrPath) { return revisionOrPath }
        let folder = URL(fileURLWithPath: policyFolder).standardizedFileURL
        let root = try git(["rev-parse", "--show-toplevel"], in: folder, revision: revisionOrPath)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let prefix = try git(["rev-parse", "--show-prefix"], in: folder, revision: revisionOrPath)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try git(["rev-parse", "--verify", "--quiet", revisionOrPath + "^{commit}"], in: folder, revision: revisionOrPath)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("toolpolicy-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        temporary.append(target)
        let archive = target.appendingPathComponent("rules.tar")
        _ = try git(["archive", "--format=tar", "-o", archive.path, revisionOrPath, "--", prefix.isEmpty ? "." : prefix],
                    in: URL(fileURLWithPath: root), revision: revisionOrPath)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xf", archive.path, "-C", target.path]
        try tar.run()
        tar.waitUntilExit()
        return target.appendingPathComponent(prefix).path
    }

    /// Removes the temporary folders.
    mutating func removeAll() {
        for url in temporary { try? FileManager.default.removeItem(at: url) }
        temporary = []
    }

    private func git(_ arguments: [String], in directory: URL, revision: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            StandardError.write("error: `\(revision)` is not a folder, and git cannot be run to read it as a revision\n")
            throw ExitStatus.unavailable
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            StandardError.write("error: `\(revision)` is not a folder, and git is not installed to read it as a revision\n")
            throw ExitStatus.unavailable
        }
        guard process.terminationStatus == 0 else {
            StandardError.write("error: `\(revision)` is neither a folder nor a git revision of \(policyFolder)\n")
            if !message.isEmpty { StandardError.write("  = git: \(message.trimmingCharacters(in: .whitespacesAndNewlines))\n") }
            StandardError.write("  = hint: give a folder of rules, or a revision such as HEAD~1 or main\n")
            throw ExitStatus.usage
        }
        return String(decoding: data, as: UTF8.self)
    }
}
