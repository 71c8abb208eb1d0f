import HTTPTypes

extension APIError {
    /// 503 for the page and `/v1/reply` when the policy folder has no templates.
    static var noTemplates: APIError {
        APIError(.serviceUnavailable, code: "no_templates",
                 message: "the policy folder has no templates: no helpdesk page and no reply letter",
                 details: ["hint": .string("add templates/letter.mustache and templates/page.mustache to the policy folder (docs/templates.md), then reload")])
    }
}
