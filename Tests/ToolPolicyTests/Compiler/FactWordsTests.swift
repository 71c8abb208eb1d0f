import Foundation
import Testing
@testable import ToolPolicy

/// §2b: the words a fact carries for people, the other names of its column and values,
/// who settles it, and the documents citations must name.
@Suite struct FactWordsTests {
    static let policy = """
    policy "p"
    document "doc.txt"
      title "Document"
      issuer "Académie"
    column tool aka "outil"
    use fact computer: one of administrative, pedagogical "Poste"
      label fr "Ordinateur utilisé" en "Computer"
      asks fr "Quel ordinateur ?"
      aka "poste"
      value pedagogical fr "sur un poste pédagogique" aka "pédagogique"
    use fact contract: bool "Contrat"
      settled by school
    rule "r"
      permit when true
      says fr "Oui."
      cites "doc.txt" section "S"
    """

    @Test func theWordsCompileIntoTheDeclaration() throws {
        let policy = try TestPolicies.compile([("p.rules", Self.policy)])
        let computer = try #require(policy.fact(named: "use.computer"))
        #expect(computer.label(in: .fr) == "Ordinateur utilisé")
        #expect(computer.label(in: .en) == "Computer")
        #expect(computer.question?.text(in: .en) == "Quel ordinateur ?", "English falls back to French")
        #expect(computer.words(for: "pedagogical", in: .fr) == "sur un poste pédagogique")
        #expect(computer.words(for: "administrative", in: .fr) == "administrative", "a value without words shows as written")
        #expect(computer.columnNames == ["poste"])
        #expect(policy.toolColumnNames == ["outil"])
        #expect(policy.fact(named: "use.contract")?.settledBy == .school)
        #expect(computer.settledBy == .requester)
        #expect(policy.document(id: "doc.txt")?.displayName == "Document (Académie)")
        // `pédagogique` and `PEDAGOGIQUE` name the value; so does the declared value.
        let request = try policy.request(tool: "x", facts: ["computer": .string("PEDAGOGIQUE")], today: TestPolicies.day)
        #expect(policy.givenFacts(of: request).map(\.value) == [.enumeration("pedagogical")])
    }

    @Test(arguments: [
        ("  value pedagogical fr \"sur un poste pédagogique\" aka \"pédagogique\"", "  value pedagogica fr \"x\"", "TP202"),
        ("  settled by school", "  settled by academy", "TP202"),
        ("  label fr \"Ordinateur utilisé\" en \"Computer\"", "  label en \"Computer\"", "TP207"),
        ("  aka \"poste\"", "  aka \"contract\"", "TP210"),
        ("  aka \"poste\"", "  aka \"poste\"\n  value administrative fr \"a\" aka \"pédagogique\"", "TP224"),
        ("  cites \"doc.txt\" section \"S\"", "  cites \"doc2.txt\" section \"S\"", "TP221"),
        ("  title \"Document\"\n", "", "TP223"),
    ])
    func mistakesAreLocatedDiagnostics(_ replace: String, _ with: String, _ code: String) throws {
        #expect(Self.policy.contains(replace), "fixture: \(replace)")
        let result = TestPolicies.loadExactly([("p.rules", Self.policy.replacingOccurrences(of: replace, with: with))])
        let codes = result.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes == [code], "\(result.diagnostics.map { "\($0.code) \($0.message)" })")
        #expect(result.diagnostics.allSatisfy { $0.range != nil })
    }
}
