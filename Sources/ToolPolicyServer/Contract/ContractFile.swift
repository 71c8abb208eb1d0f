/// A file of the HTTP contract, served as it is in the repository: the OpenAPI document
/// `docs/openapi.yaml` and the JSON Schemas of `docs/schemas/` that it `$ref`s.
///
/// Each is compiled into the binary (`.embedInCode`, through a symlink of this folder to its
/// one copy in `docs/`), so a copied `toolpolicy` serves them with no file beside it. The
/// paths keep the document's relative `$ref`s (`schemas/decision.schema.json`) resolvable
/// by a client that fetched `GET /openapi.yaml`.
package struct ContractFile: Sendable {
    /// The path it is served at.
    package let path: String
    /// Its `Content-Type`.
    package let mediaType: String
    /// Its bytes, as in `docs/`.
    package let bytes: [UInt8]

    /// `GET /openapi.yaml`: the OpenAPI 3.1 document.
    package static let openAPI = ContractFile(
        path: "/openapi.yaml", mediaType: "application/yaml; charset=utf-8", bytes: PackageResources.openapi_yaml)

    /// Every file of the contract: the document, then the schemas it refers to.
    package static let all: [ContractFile] = [
        openAPI,
        schema("decision", PackageResources.decision_schema_json),
        schema("lint", PackageResources.lint_schema_json),
        schema("catalog", PackageResources.catalog_schema_json),
    ]

    private static func schema(_ name: String, _ bytes: [UInt8]) -> ContractFile {
        ContractFile(path: "/schemas/\(name).schema.json", mediaType: "application/schema+json", bytes: bytes)
    }
}
