import Foundation
import Testing
@testable import ToolPolicy

/// A citation's section is looked for in its document's text made searchable: lowercase as
/// `String.lowercased()` makes it, typographic apostrophes plain, white space runs as one space.
@Suite struct SearchableTextTests {
    /// The definition, written the slow and obvious way.
    private func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out.append(scalar == "’" || scalar == "‘" ? "'" : scalar)
        }
        return String(out)
    }

    @Test func matchesLowercasedOnEveryScalar() {
        var text = String.UnicodeScalarView()
        for value in UInt32(0) ... 0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text.append(scalar)
            text.append("x")
        }
        let all = String(text)
        #expect(Compiler.searchable(all) == reference(all))
    }

    @Test func matchesLowercasedOnTheShippedDocuments() throws {
        let folder = TestPolicies.rulesFolder + "/" + PolicyLoader.sourcesFolder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }
        #expect(names.count == TestPolicies.seedDocuments.count)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(Compiler.searchable(text) == reference(text), "\(name)")
        }
    }

    @Test(arguments: [
        ("  Cas de l’utilisation\u{A0}des\tInterfaces\r\n WEB ", "cas de l'utilisation des interfaces web"),
        ("ÉCOLE ÎLE Ÿ ΣΑΣ İ", "école île ÿ σασ i\u{307}"),
        ("\u{2028}\u{3000}", ""),
    ])
    func folds(text: String, expected: String) {
        #expect(Compiler.searchable(text) == expected)
    }
}
