/// The OpenAPI 3.1 description of the API, served at `GET /openapi.yaml`. It is kept in
/// the binary so that a copied `toolpolicy` needs no resource folder beside it; a test
/// checks every route of ``APIRoute/all`` against it.
enum OpenAPIDocument {
    /// The YAML text.
    static let text = #"""
    openapi: 3.1.0
    info:
      title: toolpolicy
      version: 0.1.0
    paths: {}
    """# + "\n"
}
