import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ToolPolicy
@testable import ToolPolicyServer
import Yams

/// The HTTP contract stays true: the server serves `docs/openapi.yaml` and the schemas it
/// `$ref`s byte for byte, the document documents exactly the routes the router answers, and
/// every answer to a sample of good and bad requests on each route (HEAD included) is the
/// documented one: its status, its required headers, its media type and a body valid
/// against the documented schema.
@Suite struct OpenAPITests {
    /// The repository, found from this file.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The contract as the binary holds it: the document and its schemas, by path relative to
    /// the document. Read-only once built (its values are YAML's `Any`, hence `unsafe`).
    nonisolated(unsafe) static let contract: ContractSchemas = {
        let texts = Dictionary(uniqueKeysWithValues: ContractFile.all.map { (String($0.path.dropFirst()), String(decoding: $0.bytes, as: UTF8.self)) })
        return try! ContractSchemas(texts: texts)
    }()

    nonisolated(unsafe) static let document = contract.documents["openapi.yaml"] as? [String: Any] ?? [:]

    /// The documented operations (`GET /v1/tools`), path items' `$ref`s followed.
    nonisolated(unsafe) static let operations: [String: [String: Any]] = {
        var operations: [String: [String: Any]] = [:]
        for (path, item) in document["paths"] as? [String: Any] ?? [:] {
            var item = item as? [String: Any] ?? [:]
            if let reference = item["$ref"] as? String, let target = try? contract.resolve(reference, from: "openapi.yaml").value as? [String: Any] {
                item = target
            }
            for (method, operation) in item where ["get", "head", "post", "put", "patch", "delete", "options", "trace"].contains(method) {
                operations["\(method.uppercased()) \(path)"] = operation as? [String: Any]
            }
        }
        return operations
    }()

    /// The documented responses of a route, by status.
    static func responses(_ route: APIRoute) -> [String: Any] {
        operations["\(route.method.rawValue) \(route.path)"]?["responses"] as? [String: Any] ?? [:]
    }

    @Test func servesTheDocsFilesByteForByte() async throws {
        try await withRouter { client in
            for file in ContractFile.all {
                let source = try Data(contentsOf: Self.repository.appendingPathComponent("docs" + file.path))
                #expect(file.bytes == Array(source), "\(file.path) is not docs\(file.path)")
                try await client.execute(uri: file.path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == file.mediaType)
                    #expect(Array(buffer: response.body) == file.bytes, "\(file.path)")
                }
            }
        }
    }

    @Test func isOpenAPI31() {
        #expect(Self.document["openapi"] as? String == "3.1.0")
        #expect((Self.document["info"] as? [String: Any])?["title"] as? String == "toolpolicy")
    }

    @Test func documentsExactlyTheRoutesTheRouterAnswers() {
        let served = Set(APIRoute.served.map { "\($0.method.rawValue) \($0.path)" })
        #expect(Set(Self.operations.keys) == served)
        #expect(served.contains("HEAD /v1/tools"))
    }

    @Test func everyReferenceResolves() throws {
        var references: [(String, String)] = []
        func collect(_ value: Any, in document: String) {
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String { references.append((reference, document)) }
                object.values.forEach { collect($0, in: document) }
            } else if let array = value as? [Any] {
                array.forEach { collect($0, in: document) }
            }
        }
        for (path, document) in Self.contract.documents { collect(document, in: path) }
        #expect(references.count > 50)
        for (reference, document) in references {
            #expect(throws: Never.self, "\(reference) in \(document)") { try Self.contract.resolve(reference, from: document) }
        }
        // The document refers to the schemas instead of copying them.
        #expect(references.contains { $0 == ("schemas/decision.schema.json", "openapi.yaml") })
        #expect(references.contains { $0 == ("schemas/lint.schema.json", "openapi.yaml") })
        #expect(references.contains { $0 == ("schemas/catalog.schema.json", "openapi.yaml") })
    }

    @Test(arguments: APIRoute.served)
    func everyOperationDocumentsItsErrorsAndASuccess(_ route: APIRoute) {
        let statuses = Set(Self.responses(route).keys)
        #expect(statuses.contains("405"), "\(route.method) \(route.path)")
        #expect(statuses.contains("400"), "\(route.method) \(route.path): an invalid X-Request-Id is a 400 on every route")
        #expect(statuses.contains { $0.hasPrefix("2") }, "\(route.method) \(route.path)")
    }

    @Test func notReadyIsDocumentedWhereItCanHappen() {
        let always = ["/healthz", "/metrics"] + ContractFile.all.map(\.path)
        for route in APIRoute.served where !always.contains(route.path) {
            #expect(Self.responses(route)["503"] != nil, "\(route.method) \(route.path)")
        }
    }

    /// The request schemas name the use facts and profiles of the shipped rules, with their
    /// values: what the server checks a request against.
    @Test func theRequestSchemasAreTheShippedPolicys() throws {
        let loaded = try makeServices().policy()
        let schemas = try #require((Self.document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let profiles = (schemas["ProfileName"] as? [String: Any])?["enum"] as? [String]
        #expect(profiles.map(Set.init) == Set(loaded.profiles.keys).union([loaded.policy.profileName]))
        let facts = try #require((schemas["UseFacts"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(facts.keys) == Set(loaded.policy.useFacts.map(\.name)))
        let form = try #require((schemas["HelpdeskForm"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(form.keys.filter { $0.hasPrefix("use.") }) == Set(loaded.policy.useFacts.map { "use." + $0.name }))
        let texts = try #require((schemas["UseText"] as? [String: Any])?["properties"] as? [String: Any])
        for fact in loaded.policy.useFacts {
            let schema = try #require(texts[fact.name] as? [String: Any], "\(fact.name)")
            switch fact.type {
            case .oneOf(let values):
                let choices = (schema["anyOf"] as? [[String: Any]])?.first?["enum"] as? [String]
                #expect(choices == values, "\(fact.name)")
            case .setOf(let values):
                #expect((schema["pattern"] as? String ?? "").contains("(" + values.joined(separator: "|") + ")"), "\(fact.name)")
            case .bool:
                #expect(schema["$ref"] as? String == "#/components/schemas/BoolText", "\(fact.name)")
            case .integer:
                #expect(schema["$ref"] as? String == "#/components/schemas/CountText", "\(fact.name)")
            case .date, .string:
                Issue.record("use fact \(fact.name) has a type the document does not describe: \(fact.type.spelling)")
            }
        }
    }

    /// A request to send and the route it exercises.
    struct Sample: Sendable, CustomTestStringConvertible {
        var route: APIRoute
        var uri: String
        var method: HTTPRequest.Method
        var contentType: String?
        var body: String?
        var requestID: String?
        var maxBodySize = 1 << 20

        var testDescription: String { "\(method) \(uri) \(contentType ?? "") \(requestID.map { "id=\($0)" } ?? "") \(body?.prefix(30) ?? "")" }
    }

    static func route(_ method: HTTPRequest.Method, _ path: String) -> APIRoute {
        APIRoute.served.first { $0.method == method && $0.path == path }!
    }

    static let samples: [Sample] = {
        let json = "application/json", csv = "text/csv", form = "application/x-www-form-urlencoded"
        let check = route(.post, "/v1/check"), lint = route(.post, "/v1/lint"), reply = route(.post, "/v1/reply")
        let page = route(.post, "/"), tool = route(.get, "/v1/tools/{id}")
        var samples: [Sample] = [
            Sample(route: route(.get, "/"), uri: "/?lang=en", method: .get),
            Sample(route: route(.get, "/"), uri: "/?lang=xx", method: .get),
            Sample(route: page, uri: "/", method: .post, contentType: form, body: "tool=zoom&use.mode=web"),
            Sample(route: page, uri: "/", method: .post, contentType: form, body: "tool=zoom&use.mode=flying"),
            Sample(route: page, uri: "/", method: .post, contentType: form, body: "tool=zoom&profile=lyon"),
            Sample(route: page, uri: "/", method: .post, contentType: json, body: "{}"),
            Sample(route: page, uri: "/", method: .post, contentType: form, body: String(repeating: "x", count: 200), maxBodySize: 100),
            Sample(route: route(.get, "/healthz"), uri: "/healthz", method: .get, requestID: "ticket-4711"),
            Sample(route: route(.get, "/healthz"), uri: "/healthz", method: .get, requestID: ""),
            Sample(route: route(.get, "/healthz"), uri: "/healthz", method: .get, requestID: "bad id"),
            Sample(route: check, uri: "/v1/check", method: .post, contentType: json, body: #"{"tool": "zoom"}"#, requestID: String(repeating: "a", count: 65)),
            Sample(route: route(.get, "/metrics"), uri: "/metrics", method: .get),
            Sample(route: route(.get, "/v1/policy"), uri: "/v1/policy", method: .get),
            Sample(route: route(.get, "/v1/policy"), uri: "/v1/policy?profile=lyon", method: .get),
            Sample(route: route(.get, "/v1/tools"), uri: "/v1/tools?profile=poitiers", method: .get),
            Sample(route: route(.get, "/v1/tools"), uri: "/v1/tools?profile=lyon", method: .get),
            Sample(route: tool, uri: "/v1/tools/zoom", method: .get),
            Sample(route: tool, uri: "/v1/tools/nosuch", method: .get),
            Sample(route: tool, uri: "/v1/tools/zoom?profile=", method: .get),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: json, body: #"[{"tool": "zoom"}, {"tool": "zoom", "mode": "flying"}, {"tool": 3, "x": {}}]"#),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: json, body: #"{"uses": [{"tool": "teams", "accounts": ["pupils"]}]}"#),
            Sample(route: lint, uri: "/v1/lint?date=2026-03-02&name=x.csv&profile=strasbourg", method: .post, contentType: csv, body: "tool\nzoom\n"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: csv, body: "tool\n\"zoom\n"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: json, body: "[{"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: json, body: #"{"uses": 1}"#),
            Sample(route: lint, uri: "/v1/lint?date=someday", method: .post, contentType: json, body: "[]"),
            Sample(route: lint, uri: "/v1/lint?date=0000-01-01", method: .post, contentType: json, body: "[]"),
            Sample(route: lint, uri: "/v1/lint?profile=lyon", method: .post, contentType: json, body: "[]"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: "text/plain", body: "x"),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: csv, body: "tool\n" + String(repeating: "zoom\n", count: 2_001)),
            Sample(route: lint, uri: "/v1/lint", method: .post, contentType: csv, body: String(repeating: "zoom\n", count: 40), maxBodySize: 100),
        ]
        for operation in [check, reply] {
            samples += [
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zoom", "use": {"mode": "web"}}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json,
                       body: #"{"tool": "cned", "use": {"audience": "pupils", "recorded": "oui", "participants": "24", "accounts": [" none", ""]}, "date": null, "profile": "poitiers"}"#),
                // An unlisted tool is reviewed, and what the use breaks is listed with the review.
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "jitsi-perso", "use": {"recorded": true, "audience": ["pupils"]}}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zoom", "use": {"mode": "flying"}}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zoom", "use": {"colour": "blue"}}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zom"}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zoom", "date": "0000-01-01"}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "zoom", "extra": 1}"#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json, body: #"{"tool": "#),
                Sample(route: operation, uri: operation.path, method: .post, contentType: "text/plain", body: "zoom"),
                Sample(route: operation, uri: operation.path, method: .post, contentType: json,
                       body: #"{"tool": "zoom", "use": {"mode": "web", "computer": "pedagogical"}}"#, maxBodySize: 20),
            ]
        }
        // Every GET, HEAD included, plainly; and a method no route of the path has.
        for route in APIRoute.served {
            let uri = route.path.replacingOccurrences(of: "{id}", with: "zoom")
            if route.method == .get || route.method == .head { samples.append(Sample(route: route, uri: uri, method: route.method)) }
            // The 405 is checked against the GET (or POST) operation's documented 405.
            let other: HTTPRequest.Method = route.method == .post ? .get : .delete
            if route.method != .head, !APIRoute.served.contains(where: { $0.path == route.path && $0.method == other }) {
                samples.append(Sample(route: route, uri: uri, method: other))
            }
        }
        samples.append(Sample(route: route(.head, "/v1/tools/{id}"), uri: "/v1/tools/nosuch", method: .head))
        return samples
    }()

    @Test(arguments: samples)
    func everyAnswerIsTheDocumentedOne(_ sample: Sample) async throws {
        let label = "\(sample.method) \(sample.uri)"
        try await withRouter(makeServices(maxBodySize: sample.maxBodySize)) { client in
            var headers: HTTPFields = [:]
            if let type = sample.contentType { headers[.contentType] = type }
            if let id = sample.requestID { headers[HTTPField.Name("X-Request-Id")!] = id }
            try await client.execute(uri: sample.uri, method: sample.method, headers: headers,
                                     body: sample.body.map { ByteBuffer(string: $0) }) { response in
                let status = String(response.status.code)
                let documented = Self.responses(sample.route)
                guard let entry = documented[status] else {
                    Issue.record("\(label) answered \(status), documented: \(documented.keys.sorted())")
                    return
                }
                let body = Array(buffer: response.body)
                for problem in Self.problems(of: response.headers, body: body, against: entry, method: sample.method) {
                    Issue.record("\(label) → \(status): \(problem)")
                }
            }
        }
    }

    /// Every way an answer differs from the documented response object.
    static func problems(of headers: HTTPFields, body: [UInt8], against entry: Any, method: HTTPRequest.Method) -> [String] {
        var entry = entry as? [String: Any] ?? [:]
        if let reference = entry["$ref"] as? String {
            guard let target = try? contract.resolve(reference, from: "openapi.yaml").value as? [String: Any] else { return ["\(reference) resolves to nothing"] }
            entry = target
        }
        var problems: [String] = []
        for (name, header) in entry["headers"] as? [String: Any] ?? [:] {
            var header = header as? [String: Any] ?? [:]
            if let reference = header["$ref"] as? String { header = (try? contract.resolve(reference, from: "openapi.yaml").value as? [String: Any]) ?? [:] }
            guard let value = headers[HTTPField.Name(name)!] else {
                if header["required"] as? Bool == true { problems.append("no \(name) header") }
                continue
            }
            if let schema = header["schema"] {
                problems += contract.errors(JSONNode(.string(value), line: 1), against: schema, in: "openapi.yaml", at: name)
            }
        }
        guard let content = entry["content"] as? [String: Any] else {
            if !body.isEmpty { problems.append("a body, where none is documented") }
            return problems
        }
        if method == .head {
            if !body.isEmpty { problems.append("a HEAD answer with a body") }
            return problems
        }
        let mediaType = headers[.contentType].map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content[mediaType] as? [String: Any] else {
            return problems + ["Content-Type `\(mediaType)`, documented: \(content.keys.sorted())"]
        }
        guard let schema = media["schema"] else { return problems }
        if mediaType.hasSuffix("json") {
            do {
                problems += contract.errors(try JSONReader.read(body), against: schema, in: "openapi.yaml")
            } catch {
                problems.append("not JSON: \(error)")
            }
        } else if String(validating: body, as: UTF8.self) == nil {
            problems.append("not UTF-8 text")
        }
        return problems
    }
}

/// The schema check used above refuses what the contract refuses: a check that could not
/// fail would prove nothing.
@Suite struct ContractSchemasTests {
    let contract = OpenAPITests.contract

    func errors(_ json: String, _ reference: String) throws -> [String] {
        let schema = try contract.resolve(reference, from: "openapi.yaml")
        return contract.errors(try JSONReader.read(Array(json.utf8)), against: schema.value, in: schema.document)
    }

    @Test func refusesADecisionMissingItsFieldsOrWithAnUnknownVerdict() throws {
        #expect(try !errors("{}", "schemas/decision.schema.json").isEmpty)
        let decision = try contract.resolve("schemas/decision.schema.json", from: "openapi.yaml").value as? [String: Any]
        let example = try #require((decision?["examples"] as? [Any])?.first)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: example), as: UTF8.self)
        #expect(try errors(text, "schemas/decision.schema.json") == [])
        let wrong = text.replacingOccurrences(of: #""verdict":""#, with: #""verdict":"maybe"#)
        #expect(wrong != text)
        #expect(try !errors(wrong, "schemas/decision.schema.json").isEmpty)
    }

    @Test func followsReferencesBetweenTheSchemaFiles() throws {
        // catalog.schema.json refers to decision.schema.json for its citations.
        #expect(try errors(#"{"document": "a", "section": "b"}"#, "schemas/decision.schema.json#/$defs/Citation") == [])
        #expect(try !errors(#"{"document": "a"}"#, "schemas/catalog.schema.json#/$defs/Tool/properties/classCitations/items").isEmpty)
    }

    @Test func readsTheRequestSchemasAsTheServerDoes() throws {
        let request = "#/components/schemas/CheckRequest"
        #expect(try errors(#"{"tool": "zoom", "use": {"accounts": "pupils, staff", "recorded": "Oui", "participants": " 12 "}}"#, request) == [])
        #expect(try !errors(#"{"tool": "zoom", "use": {"accounts": "pupils staff"}}"#, request).isEmpty)
        #expect(try !errors(#"{"tool": "zoom", "use": {"colour": "blue"}}"#, request).isEmpty)
        #expect(try !errors(#"{"tool": " "}"#, request).isEmpty)
        #expect(try !errors(#"{"tool": "zoom", "date": "2026-02-30x"}"#, request).isEmpty)
        #expect(try !errors(#"{"tool": "zoom", "participants": -1}"#, request).isEmpty)
    }
}

/// The `text/csv` body's pattern and the server agree on which texts are lists: an empty
/// text and a cell that opens a quote without closing it are 400, anything else is read.
@Suite struct CSVBodyPatternTests {
    static let texts = [
        "tool\nzoom\n", "", "\u{FEFF}\r\n\n", "tool\n\"zoom", "tool\n\"zo\"\"om\"", "tool;mode\n zoom;\"web\"\n",
        "a\"b", "\"\"\" ", ";", "tool\n  \"teams", "\u{FEFF}tool\nzoom",
    ]

    @Test(arguments: texts)
    func thePatternSaysWhatTheServerReads(_ text: String) async throws {
        let lint = try #require(OpenAPITests.operations["POST /v1/lint"])
        let body = (lint["requestBody"] as? [String: Any])?["content"] as? [String: Any]
        let schema = try #require((body?["text/csv"] as? [String: Any])?["schema"])
        let valid = OpenAPITests.contract.errors(JSONNode(.string(text), line: 1), against: schema, in: "openapi.yaml").isEmpty
        try await withRouter { client in
            try await client.execute(uri: "/v1/lint", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(string: text)) { response in
                #expect(valid == (response.status == .ok), "\(text.debugDescription): pattern says \(valid ? "valid" : "invalid"), server answered \(response.status.code)")
            }
        }
    }
}
