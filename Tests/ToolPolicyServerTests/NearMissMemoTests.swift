import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
@testable import ToolPolicyServer

/// The server's memo of near misses answers what the policy answers, per profile, and a
/// repeated near miss is still a 422 with its candidates.
@Suite struct NearMissMemoTests {
    @Test func theMemoAnswersWhatThePolicyAnswers() throws {
        let loaded = try #require(makeServices().store.current)
        let memo = NearMissMemo()
        for profile in [loaded.policy.profileName] + loaded.profiles.keys.sorted() {
            let policy = try loaded.policy(named: profile)
            for query in ["zom", "tems", "BigBlueButton", "zoom", "outil-inconnu", "Jitsi Meet"] {
                let expected = policy.nearMisses(of: query).map(\.id)
                #expect(memo.nearMisses(of: query, in: policy).map(\.id) == expected, "\(profile) \(query)")
                #expect(memo.nearMisses(of: query, in: policy).map(\.id) == expected, "\(profile) \(query), remembered")
            }
        }
        #expect(memo.nearMisses(of: "zom", in: loaded.policy).map(\.id) == ["zoom"])
    }

    @Test func aFullMemoStartsAgainAndStaysRight() throws {
        let policy = try #require(makeServices().store.current?.policy)
        let memo = NearMissMemo(capacity: 8)
        for index in 0...20 {
            #expect(memo.nearMisses(of: "outil-\(index)", in: policy).isEmpty)
        }
        #expect(memo.nearMisses(of: "zom", in: policy).map(\.id) == ["zoom"])
    }

    @Test func aRepeatedNearMissIsStillA422WithItsCandidates() async throws {
        try await withRouter { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(#"{"tool": "zom"}"#)) { response in
                    #expect(response.status == .unprocessableContent)
                    let error = apiError(response.body)
                    #expect(error.code == "unknown_tool")
                    #expect((error.details["candidates"] as? [[String: Any]])?.first?["id"] as? String == "zoom")
                }
            }
        }
    }
}
