import Foundation
import Mustache
package import ToolPolicy

/// The templates of a policy folder: the reply letter and the helpdesk page, owned by the
/// academy and rendered with Mustache. Editing them needs no rebuild.
///
/// `templates/*.mustache` are shared by every profile; `templates/<profile>/*.mustache`
/// give a profile its own (its helpdesk, its signature, what its review examines) and may
/// replace any shared one. A profile's set must hold `letter` and `page`; the names a
/// template reads are checked against ``TemplateVocabulary`` (see `docs/templates.md`).
package struct PolicyTemplates: Sendable {
    /// The folder, under a policy folder, that holds the templates.
    package static let folder = "templates"
    /// The templates every profile must have.
    package static let required = ["letter", "page"]

    /// Each profile's templates, shared ones included, by name.
    private let libraries: [String: MustacheLibrary]

    /// What loading found: the templates, or the problems that stop them being used.
    package struct Loaded: Sendable {
        /// The templates, when there is no error.
        package var templates: PolicyTemplates?
        /// Errors and warnings, located in the template files.
        package var diagnostics: [Diagnostic]
        /// The template files read, to quote them in diagnostics.
        package var sources: [SourceFile]
    }

    /// Reads and checks the templates of the policy folder at `policyPath` for `profiles`.
    /// A policy without a `templates/` folder (a single rules file, a test folder) has no
    /// letter and no page: a warning, not an error.
    ///
    /// `profiles` are every profile of the folder, so a folder named after no profile is
    /// reported; with `checkFolders: false` (one profile asked for), it is not.
    package static func load(policyPath: String, profiles: [String], checkFolders: Bool = true) -> Loaded {
        var isDirectory: ObjCBool = false
        let folderPath = FileManager.default.fileExists(atPath: policyPath, isDirectory: &isDirectory) && !isDirectory.boolValue
            ? URL(fileURLWithPath: policyPath).deletingLastPathComponent().path : policyPath
        let root = URL(fileURLWithPath: folderPath).resolvingSymlinksInPath().appendingPathComponent(folder).path
        guard FileManager.default.fileExists(atPath: root) else {
            return Loaded(templates: nil, diagnostics: [Diagnostic(
                severity: .warning, code: "TP503", message: "no `\(folder)/` folder beside the rules: no reply letter and no helpdesk page",
                range: nil, hint: "add \(folder)/letter.mustache and \(folder)/page.mustache (see docs/templates.md)"
            )], sources: [])
        }
        var sources: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        var shared: [String: MustacheTemplate] = [:]
        var own: [String: [String: MustacheTemplate]] = [:]
        var partials: [(template: String, profile: String?, name: String, range: SourceRange)] = []
        for file in files(in: root) {
            let path = root + "/" + file
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(Diagnostic(code: "TP501", message: "cannot read template `\(path)`", range: nil,
                                              hint: "save it as UTF-8 text"))
                continue
            }
            let source = SourceFile(path: path, text: text)
            sources.append(source)
            let parts = file.dropLast(".mustache".count).split(separator: "/").map(String.init)
            guard parts.count <= 2 else { continue }
            if checkFolders, parts.count == 2, !profiles.contains(parts[0]) {
                diagnostics.append(Diagnostic(
                    severity: .warning, code: "TP504", message: "templates for `\(parts[0])`, which is not a profile of the policy",
                    range: SourceRange(start: SourceLocation(file: path, line: 1, column: 1), length: 1),
                    hint: "name the folder after a profile: \(profiles.joined(separator: ", "))"
                ))
            }
            do {
                let template = try MustacheTemplate(string: text)
                diagnostics += TemplateVocabulary.check(source)
                partials += TemplateVocabulary.partials(in: source).map {
                    (parts.last!, parts.count == 2 ? parts[0] : nil, $0.name, $0.range)
                }
                if parts.count == 1 { shared[parts[0]] = template } else { own[parts[0], default: [:]][parts[1]] = template }
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    code: "TP501", message: "template syntax: \(error.error)",
                    range: SourceRange(start: SourceLocation(file: path, line: error.context.lineNumber, column: max(1, error.context.columnNumber)), length: 1),
                    hint: "every {{#section}} and {{^section}} closes with {{/section}}; tags are {{name}}, {{{name}}}, {{> partial}}"
                ))
            } catch {
                diagnostics.append(Diagnostic(code: "TP501", message: "template syntax: \(error)", range: nil, hint: nil))
            }
        }
        var libraries: [String: MustacheLibrary] = [:]
        for profile in profiles {
            let templates = shared.merging(own[profile] ?? [:]) { _, mine in mine }
            for name in required where templates[name] == nil {
                diagnostics.append(Diagnostic(
                    code: "TP503", message: "profile `\(profile)` has no `\(name)` template", range: nil,
                    hint: "add \(root)/\(name).mustache (shared) or \(root)/\(profile)/\(name).mustache"
                ))
            }
            // A partial a profile's templates include must be in its set.
            for partial in partials where partial.profile == nil || partial.profile == profile {
                guard templates[partial.name] == nil else { continue }
                guard partial.profile != nil || templates[partial.template] != nil else { continue }
                diagnostics.append(Diagnostic(
                    code: "TP503", message: "profile `\(profile)` has no `\(partial.name)` template, which `\(partial.template)` includes",
                    range: partial.range,
                    hint: "add \(root)/\(profile)/\(partial.name).mustache, or \(root)/\(partial.name).mustache for every profile"
                ))
            }
            libraries[profile] = MustacheLibrary(templates: templates)
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return Loaded(templates: failed ? nil : PolicyTemplates(libraries: libraries), diagnostics: diagnostics, sources: sources)
    }

    /// The `.mustache` files under `root`, relative to it, sorted.
    private static func files(in root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }.sorted()
    }

    /// Renders a profile's template with a context; `nil` when the profile has none.
    package func render(_ name: String, profile: String, context: [String: Any]) -> String? {
        libraries[profile]?.render(context, withTemplate: name)
    }
}
