import Testing
import ToolPolicy
import ToolPolicyReports
@testable import ToolPolicyServer

/// `/v1/check` reads the usual body straight into the request builder
/// (``CheckRequestBody/directRequest(_:in:)``). Whatever it reads must give the request
/// that the general mapping gives, and every body the general mapping refuses must be left
/// to it, so that the answer is its error (docs/http.md, `/v1/check`'s 400 and 422).
@Suite struct CheckBodyDirectTests {
    /// The general path: ``CheckRequestBody/init(mapping:)``, the profile, the request.
    private func general(_ text: String, _ loaded: LoadedPolicy) throws -> (Policy, UseRequest) {
        let body = try CheckRequestBody(json: Array(text.utf8))
        let policy = try loaded.policy(named: body.profile)
        return (policy, try body.request(in: policy, of: loaded))
    }

    private func direct(_ text: String, _ loaded: LoadedPolicy) throws -> (policy: Policy, request: UseRequest)? {
        CheckRequestBody.directRequest(try JSONReader.read(Array(text.utf8)), in: loaded)
    }

    /// The bodies of `scripts/load/distinct.lua` (every 7th of its 11,520 combinations of
    /// tool name, mode, computer, accounts, audience and recorded, facts left out or
    /// `null`), and the fields a body may add: a date, a profile, `use: null`, the reply's
    /// requester and signature.
    static let usualBodies: [String] = {
        let tools = ["cned", "Ma classe à la maison (CNED)", "via", "renavisio", "rendez-vous", "scaleway", "ovh",
                     "visio-agents", "bbb-visio-ecoles", "bbb moodle", "zoom", "GoToMeeting", "ms teams", "starleaf",
                     "skype", "discord", "outil-inconnu", "Jitsi Meet", "Whereby", "tchap visio"]
        let modes = [#""mode":"web","#, #""mode":"install","#, ""]
        let computers = [#""computer":"pedagogical","#, #""computer":"administrative","#, #""computer":"personal","#, #""computer":null,"#]
        let accounts = [#""accounts":["none"],"#, #""accounts":["staff"],"#, #""accounts":["pupils"],"#, ""]
        let audiences = [#""audience":["pupils"],"#, #""audience":["staff"],"#, #""audience":["staff","external"],"#, ""]
        let recorded = [#""recorded":false,"#, #""recorded":true,"#, #""recorded":null,"#]
        var bodies: [String] = []
        for n in stride(from: 0, to: 11_520, by: 7) {
            var rest = n
            func pick(_ list: [String]) -> String {
                defer { rest /= list.count }
                return list[rest % list.count]
            }
            let tool = pick(tools)
            bodies.append(#"{"tool":""# + tool + #"","use":{"# + pick(modes) + pick(computers) + pick(accounts) + pick(audiences)
                + pick(recorded) + #""participants":\#(1_000_000_000 + n)}}"#)
        }
        return bodies + [
            #"{"tool":"zoom","use":{"mode":"web","accounts":["none"]},"date":"2026-11-23"}"#,
            #"{"tool":"zoom","use":{"mode":"web"},"profile":"poitiers"}"#,
            #"{"tool":"discord","use":null,"date":null,"profile":null}"#,
            #"{"tool":"via","requester":"Mme Martin","signature":"DANE","use":{"audience":"pupils,staff"}}"#,
            #"{"tool":"zoom"}"#,
        ]
    }()

    @Test func theUsualBodiesGiveTheRequestsOfTheGeneralMapping() throws {
        let loaded = try #require(makeServices().store.current)
        for text in Self.usualBodies {
            let (policy, expected) = try general(text, loaded)
            let read = try #require(try direct(text, loaded), "not read directly: \(text)")
            #expect(read.policy.profileName == policy.profileName, "\(text)")
            #expect(read.policy.decide(read.request).jsonBytes == policy.decide(expected).jsonBytes, "\(text)")
        }
    }

    /// Each body is one the general mapping answers with an error (checked here first).
    @Test(arguments: [
        #"[]"#, #"{"use":{}}"#, #"{"tool":1}"#, #"{"tool":"   "}"#, #"{"tool":"zom"}"#,
        #"{"tool":"zoom","extra":1}"#, #"{"tool":"zoom","use":[]}"#, #"{"tool":"zoom","date":"2026-13-01"}"#,
        #"{"tool":"zoom","date":20261123}"#, #"{"tool":"zoom","profile":"nowhere"}"#, #"{"tool":"zoom","requester":5}"#,
        #"{"tool":"zoom","use":{"mode":"bus"}}"#, #"{"tool":"zoom","use":{"colour":"red"}}"#,
        #"{"tool":"zoom","use":{"accounts":["none",1]}}"#, #"{"tool":"zoom","use":{"participants":"many"}}"#,
        #"{"tool":"zoom","use":{"recorded":"maybe"}}"#, #"{"tool":"zoom","use":{"mode":{"web":true}}}"#,
        #"{"tool":"zoom","use":{"participants":2.5}}"#,
    ])
    func aBodyTheGeneralMappingRefusesIsLeftToIt(text: String) throws {
        let loaded = try #require(makeServices().store.current)
        #expect(throws: APIError.self) { try general(text, loaded) }
        #expect(try direct(text, loaded) == nil)
    }

    /// `24.0` is the integer 24 for the general mapping; the direct reading leaves such
    /// numbers to it rather than repeat its rule.
    @Test func aNumberWrittenWithAFractionIsLeftToTheGeneralMapping() throws {
        let loaded = try #require(makeServices().store.current)
        let text = #"{"tool":"zoom","use":{"participants":24.0}}"#
        _ = try general(text, loaded)
        #expect(try direct(text, loaded) == nil)
    }
}
