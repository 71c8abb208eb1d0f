// libFuzzer target `rules`: one input is one rules file. It is lexed, parsed and compiled
// over the shipped national base (with the profile it declares when it starts
// `profile "NAME"`, else the default one) and on its own; its diagnostics are rendered
// against its text; and when it compiles, one request derived from the input is decided.
// Build and run: scripts/fuzz.sh rules SECONDS.
import Foundation
import ToolPolicy

/// The national base, read once from `Rules/national` (the script runs from the repository).
let national: [SourceFile] = {
    let folder = ProcessInfo.processInfo.environment["TOOLPOLICY_FUZZ_BASE"] ?? "Rules/national"
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".rules") }.sorted()
    guard !files.isEmpty else { fatalError("no .rules files in \(folder): run from the repository root") }
    return files.map { SourceFile(path: folder + "/" + $0, text: try! String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let input = SourceFile(path: "fuzz.rules", text: String(decoding: bytes, as: UTF8.self))
    var choices = Choices(bytes)

    // Over the base, as `toolpolicy check --policy DIR --profile NAME` reads a folder holding
    // both: with the profile the input declares, else the default one.
    exercise(PolicyLoader.load(sources: national + [input], profile: declaredProfile(input.text)), &choices)
    // On its own, as a base of its own (or a profile whose base is missing).
    exercise(PolicyLoader.load(sources: [input]), &choices)
    return 0
}

/// The NAME of a file that starts `profile "NAME"`: one load instead of two (load, read the
/// profiles it found, load again), as most inputs are profiles. A wrong guess is still a
/// real load (an unknown profile is a diagnostic).
func declaredProfile(_ text: String) -> String? {
    guard text.hasPrefix("profile \"") else { return nil }
    return text.dropFirst(9).split(separator: "\"", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
}

/// Renders the diagnostics and, if the policy compiled, decides one request.
func exercise(_ loaded: PolicyLoadResult, _ choices: inout Choices) {
    _ = DiagnosticRenderer(sources: loaded.sources).render(loaded.diagnostics)
    guard let policy = loaded.policy else { return }
    let tool = policy.tools.isEmpty || choices.next(8) == 0 ? "zoom" : policy.tools[choices.next(policy.tools.count)].id
    var facts: [String: FactValue?] = [:]
    for fact in policy.useFacts where choices.next(3) != 0 {
        facts[fact.name] = choices.value(of: fact.type)
    }
    let today = CivilDate(days: 20_000 + Int64(choices.next(1_000)))
    let (request, _) = policy.collectingRequest(tool: tool, facts: facts, today: today)
    let decision = policy.decide(request)
    _ = decision.verdict
}

/// A small deterministic stream of choices seeded by the input bytes (FNV-1a, then xorshift).
struct Choices {
    var state: UInt64

    init(_ bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        state = hash | 1
    }

    /// A number in `0..<bound` (`bound` > 0).
    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    /// A value of the type, sometimes outside it (the request builder must refuse it cleanly).
    mutating func value(of type: FactType) -> FactValue? {
        switch (type, next(6)) {
        case (_, 0): return nil
        case (_, 1): return .string(["", "oui", "-1", "2026-02-30", "{a, b}", "9999999999999999999999"][next(6)])
        case (.bool, _): return .bool(next(2) == 0)
        case (.integer, _): return .integer(Int64(next(200)) - 50)
        case (.date, _): return .string(String(format: "2026-%02d-%02d", 1 + next(12), 1 + next(28)))
        case (.string, _): return .string("texte")
        case (.oneOf(let values), _): return values.isEmpty ? nil : .string(values[next(values.count)])
        case (.setOf(let values), _): return .set(values.filter { _ in next(2) == 0 })
        }
    }
}
