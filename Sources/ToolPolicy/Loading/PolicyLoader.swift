import Foundation

/// The outcome of loading a policy: the compiled policy when there is no error, every
/// diagnostic, and the sources (so a renderer can quote them).
public struct PolicyLoadResult: Sendable {
    /// The compiled policy, or `nil` if any error was found.
    public let policy: Policy?
    /// Every diagnostic, errors and warnings, in file order.
    public let diagnostics: [Diagnostic]
    /// The files read.
    public let sources: [SourceFile]
    /// The profiles the folder defines, sorted.
    public let profiles: [String]
}

/// Reads a policy folder (or a single `.rules` file), parses every file, and compiles the
/// base with one profile.
public enum PolicyLoader {
    /// The profile used when none is named: the Rennes framework, the fullest of the sources.
    public static let defaultProfile = "rennes"

    /// Loads the policy at `path` with `profile` on top of its base.
    ///
    /// - Parameters:
    ///   - path: a folder of `.rules` files (read recursively, in path order) or one file.
    ///   - profile: the profile to apply; `nil` applies ``defaultProfile`` when the folder
    ///     has it, else the base alone.
    public static func load(at path: String, profile: String? = nil) -> PolicyLoadResult {
        switch readSources(at: path) {
        case .failure(let failure):
            return PolicyLoadResult(policy: nil, diagnostics: [failure.diagnostic], sources: failure.quoted, profiles: [])
        case .success(let sources):
            return load(sources: sources, profile: profile)
        }
    }

    /// The folder of a policy that holds the texts of its source documents, named as the
    /// documents are declared: `sources/003_1529c0f0d921ea53.txt`.
    package static let sourcesFolder = "sources"

    /// Whether a read file is the text of a source document rather than rules.
    static func isDocumentText(_ file: SourceFile) -> Bool {
        file.path.hasSuffix(".txt")
    }

    /// Compiles already-read sources, as ``load(at:profile:)`` does for files.
    public static func load(sources: [SourceFile], profile: String? = nil) -> PolicyLoadResult {
        // The `.txt` files are the texts of the source documents (`sources/`), not rules.
        let documentTexts = Dictionary(sources.filter(isDocumentText).map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.text) },
                                       uniquingKeysWith: { first, _ in first })
        let parsed = sources.filter { !isDocumentText($0) }.map { Parser.parse($0) }
        var diagnostics = parsed.flatMap(\.diagnostics)
        let files = parsed.map(\.file)
        let (bases, profiles) = layers(of: files)
        let profileNames = profiles.keys.sorted()
        let chosen = profile ?? (profiles[defaultProfile] != nil ? defaultProfile : nil)

        var profileLayer: Layer?
        if let chosen {
            guard let layer = profiles[chosen] else {
                diagnostics.append(.unknownProfile(chosen, known: profileNames))
                return PolicyLoadResult(policy: nil, diagnostics: diagnostics, sources: sources, profiles: profileNames)
            }
            profileLayer = layer
        }
        let baseName = profileLayer?.extends ?? bases.keys.sorted().first
        guard let baseName, let base = bases[baseName] else {
            let range = profileLayer?.files.first?.header?.extends?.range
            diagnostics.append(.noBase(baseName ?? "national", at: range))
            return PolicyLoadResult(policy: nil, diagnostics: diagnostics, sources: sources, profiles: profileNames)
        }
        for name in profileNames where bases[name] != nil {
            if let range = profiles[name]?.files.first?.header?.name.range {
                diagnostics.append(.profileAndBaseNameClash(name, at: range))
            }
        }
        let usedFiles = base.files + (profileLayer?.files ?? [])
        let used = usedFiles.map(\.source)
        let digest = PolicyDigest.digest(of: usedFiles)
        let compiled = Compiler.compile(base: base, profile: profileLayer, digest: digest, files: used.map(\.path).sorted(),
                                        documentTexts: documentTexts)
        diagnostics += compiled.diagnostics
        let policy = diagnostics.containsErrors ? nil : compiled.policy
        return PolicyLoadResult(policy: policy, diagnostics: sorted(diagnostics), sources: sources, profiles: profileNames)
    }

    /// Compiles every profile of already-read sources, once, for a service that answers for
    /// several academies: the profiles that compile, by name.
    package static func loadProfiles(sources: [SourceFile]) -> [String: Policy] {
        let names = load(sources: sources, profile: nil).profiles
        var policies: [String: Policy] = [:]
        for name in names {
            if let policy = load(sources: sources, profile: name).policy { policies[name] = policy }
        }
        return policies
    }

    /// Compiles the base alone and every profile, and returns all their diagnostics once each:
    /// what `toolpolicy validate` reports.
    package static func validate(at path: String) -> PolicyLoadResult {
        let base = load(at: path, profile: nil)
        guard !base.sources.isEmpty else { return base }
        var diagnostics = base.diagnostics
        var seen = Set(diagnostics)
        for profile in base.profiles {
            for diagnostic in load(sources: base.sources, profile: profile).diagnostics where seen.insert(diagnostic).inserted {
                diagnostics.append(diagnostic)
            }
        }
        return PolicyLoadResult(policy: base.policy, diagnostics: sorted(diagnostics), sources: base.sources, profiles: base.profiles)
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.range?.start, b.element.range?.start) {
            case (let x?, let y?) where x != y: x < y
            case (nil, _?): true
            case (_?, nil): false
            default: a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Groups files into layers by their headers.
    private static func layers(of files: [Syntax.File]) -> (bases: [String: Layer], profiles: [String: Layer]) {
        var bases: [String: Layer] = [:]
        var profiles: [String: Layer] = [:]
        for file in files {
            guard let header = file.header else { continue }
            let name = header.name.value
            if let extends = header.extends {
                profiles[name, default: Layer(name: name, title: nil, extends: extends.value, files: [])].files.append(file)
                if profiles[name]?.title == nil { profiles[name]?.title = header.title }
            } else {
                bases[name, default: Layer(name: name, title: nil, extends: nil, files: [])].files.append(file)
                if bases[name]?.title == nil { bases[name]?.title = header.title }
            }
        }
        return (bases, profiles)
    }

    /// Why the files could not be read: the diagnostic, and the text of the file at fault
    /// when there is one to quote (a file that is not UTF-8, decoded with U+FFFD).
    struct ReadFailure: Error {
        var diagnostic: Diagnostic
        var quoted: [SourceFile] = []
    }

    /// Reads every `.rules` file under `path` (or `path` itself), sorted by path.
    static func readSources(at path: String) -> Result<[SourceFile], ReadFailure> {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadFailure(diagnostic: .unreadable(path, reason: "no such file or folder")))
        }
        var paths: [String] = []
        if isDirectory.boolValue {
            let root = path.hasSuffix("/") ? String(path.dropLast()) : path
            // A policy folder may be a symbolic link (a deployment that swaps releases by
            // repointing it): list the folder it points to, name files under the link.
            let listed = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
            guard let enumerator = manager.enumerator(atPath: listed) else {
                return .failure(ReadFailure(diagnostic: .unreadable(path, reason: "cannot list the folder")))
            }
            for case let relative as String in enumerator
            where relative.hasSuffix(".rules") || (relative.hasPrefix(sourcesFolder + "/") && relative.hasSuffix(".txt")) {
                paths.append(root + "/" + relative)
            }
            paths.sort()
            if !paths.contains(where: { $0.hasSuffix(".rules") }) { return .failure(ReadFailure(diagnostic: .noRulesFiles(path))) }
        } else {
            paths = [path]
        }
        var sources: [SourceFile] = []
        for file in paths {
            guard let data = manager.contents(atPath: file) else {
                return .failure(ReadFailure(diagnostic: .unreadable(file, reason: "permission denied or not a file")))
            }
            let bytes = [UInt8](data)
            // One validating pass; the faulty byte is looked for only in a file that fails it.
            let text: String
            if let valid = String(validating: bytes, as: UTF8.self) {
                text = valid
            } else if let bad = InvalidUTF8.find(in: bytes) {
                let quoted = SourceFile(path: file, text: String(decoding: bytes, as: UTF8.self))
                let range = SourceRange(start: SourceLocation(file: file, line: bad.line, column: bad.column), length: 1)
                return .failure(ReadFailure(diagnostic: .notUTF8(byte: bad.hex, at: range), quoted: [quoted]))
            } else {
                text = String(decoding: bytes, as: UTF8.self)
            }
            sources.append(SourceFile(path: file, text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text))
        }
        return .success(sources)
    }
}
