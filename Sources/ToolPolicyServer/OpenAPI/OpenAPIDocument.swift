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
      summary: Which videoconference tools a French school may use, and how.
      description: |
        The HTTP API of `toolpolicy serve`: the same decisions as the `toolpolicy` CLI, over
        HTTP, plus a helpdesk page. `docs/http.md` describes it with real examples.

        - **Decisions.** `POST /v1/check` returns the decision document of
          `toolpolicy check --format json`, `POST /v1/lint` the lint report of
          `toolpolicy lint --format json`, and `GET /v1/tools` the catalog of
          `toolpolicy tools --format json`. Their JSON Schemas (draft 2020-12) are
          `docs/schemas/decision.schema.json`, `lint.schema.json` and `catalog.schema.json`
          in the repository, at the release of the binary; the schemas below summarise them.
        - **JSON.** Responses are compact JSON with sorted keys. Optional values are omitted
          when absent, never `null`.
        - **Errors.** Every error is `{"error": {"code", "message", "details"}}` (schema
          `Error`), with `Content-Type: application/json`, the helpdesk routes included.
          `code` is stable and meant for programs; `message` is for people; `details` says
          where and what is allowed.
        - **Unknown paths and methods.** A path that no route serves gets 404 `not_found`
          (the `NotFound` response below).
          A known path asked with another method gets 405 `method_not_allowed` with an
          `Allow` header. `HEAD` and `OPTIONS` are not served: they get 405 like any other
          method.
        - **Request ids.** Every response carries `X-Request-Id`. A client that sends
          `X-Request-Id` with 1 to 64 characters from `A-Za-z0-9._-` gets it back, and it is
          the id in the server log and the decision log; any other value is replaced by
          an id the server makes.
        - **Limits.** A request body larger than `--max-body-size` bytes (default 1 MiB)
          gets 413 `body_too_large`.
    servers:
      - url: http://127.0.0.1:8080
        description: "`toolpolicy serve` with its defaults"
    tags:
      - name: helpdesk
        description: The HTML helpdesk page, in French or English, that works without JavaScript.
      - name: health
        description: Liveness, readiness and this document.
      - name: catalog
        description: The policy being served and its catalog of tools.
      - name: decisions
        description: Decisions, lint reports and reply letters.

    paths:
      /:
        parameters:
          - $ref: '#/components/parameters/RequestId'
        get:
          tags: [helpdesk]
          operationId: showHelpdeskPage
          summary: The helpdesk page with an empty form
          description: |
            An HTML page (no script, no external asset) with a form that posts back to `/`.
            The language is `?lang=`, then the first of `fr` and `en` in `Accept-Language`
            (by quality); French by default.
          parameters:
            - $ref: '#/components/parameters/Lang'
            - $ref: '#/components/parameters/AcceptLanguage'
          responses:
            '200':
              $ref: '#/components/responses/HelpdeskPage'
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              $ref: '#/components/responses/NotReady'
        post:
          tags: [helpdesk]
          operationId: submitHelpdeskForm
          summary: The form submitted, answered with the decision and the reply letter
          description: |
            Decides the request the form describes and returns the page again, with the
            verdict, the reasons and their citations, the conditions, the advice, what would
            make the use compliant, and the French reply letter to send to the requester.
            The language is `?lang=`, then the form's `lang`, then `Accept-Language`.
            The requester's name is used for the letter's greeting only: it is never logged.
          parameters:
            - $ref: '#/components/parameters/Lang'
            - $ref: '#/components/parameters/AcceptLanguage'
          requestBody:
            required: true
            content:
              application/x-www-form-urlencoded:
                schema:
                  $ref: '#/components/schemas/HelpdeskForm'
                encoding:
                  use.accounts:
                    style: form
                    explode: true
                  use.audience:
                    style: form
                    explode: true
          responses:
            '200':
              $ref: '#/components/responses/HelpdeskPage'
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '413':
              $ref: '#/components/responses/BodyTooLarge'
            '415':
              $ref: '#/components/responses/UnsupportedMediaType'
            '422':
              description: |
                The form could not be checked: no tool, a bad date, or a value outside its fact's
                type. The page lists the problems above the form, which keeps the values entered.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
                Content-Security-Policy:
                  $ref: '#/components/headers/Content-Security-Policy'
                X-Content-Type-Options:
                  $ref: '#/components/headers/X-Content-Type-Options'
                Referrer-Policy:
                  $ref: '#/components/headers/Referrer-Policy'
              content:
                text/html:
                  schema:
                    type: string
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              $ref: '#/components/responses/NotReady'

      /healthz:
        parameters:
          - $ref: '#/components/parameters/RequestId'
        get:
          tags: [health]
          operationId: health
          summary: 'Liveness: the process answers'
          description: Always 200 while the process runs, whether or not a policy is loaded.
          responses:
            '200':
              description: The process answers.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Health'
                  example:
                    status: ok
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '500':
              $ref: '#/components/responses/InternalError'

      /readyz:
        parameters:
          - $ref: '#/components/parameters/RequestId'
        get:
          tags: [health]
          operationId: ready
          summary: 'Readiness: a policy is loaded'
          responses:
            '200':
              description: A policy is loaded and serving; `digest` says which.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Ready'
                  example:
                    digest: sha256:2b16dcd43d6edea41e1fc8bbe4e56c61863eb7f26436eee5b5081cd5f146123d
                    status: ready
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              $ref: '#/components/responses/NotReady'

      /openapi.yaml:
        parameters:
          - $ref: '#/components/parameters/RequestId'
        get:
          tags: [health]
          operationId: openAPIDocument
          summary: This document
          description: The OpenAPI 3.1 description of the API, compiled into the binary.
          responses:
            '200':
              description: The document, in YAML.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/yaml:
                  schema:
                    type: string
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '500':
              $ref: '#/components/responses/InternalError'

      /metrics:
        parameters:
          - $ref: '#/components/parameters/RequestId'
        get:
          tags: [health]
          operationId: metrics
          summary: Prometheus metrics
          description: |
            The server's metrics in the Prometheus text format (version 0.0.4): requests by
            route, method and status (`toolpolicy_http_requests_total`), their latency
            (`toolpolicy_http_request_duration_seconds`, a histogram by route), decisions by
            verdict and profile (`toolpolicy_decisions_total`), reloads by outcome
            (`toolpolicy_reloads_total`), decision-log write failures
            (`toolpolicy_decision_log_write_failures_total`), answer-cache lookups by outcome
            and bytes held (`toolpolicy_answer_cache_lookups_total`,
            `toolpolicy_answer_cache_bytes`), and open connections (`toolpolicy_open_connections`).
          responses:
            '200':
              description: The metrics.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                text/plain:
                  schema:
                    type: string
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '500':
              $ref: '#/components/responses/InternalError'

      /v1/policy:
        parameters:
          - $ref: '#/components/parameters/RequestId'
          - $ref: '#/components/parameters/Profile'
        get:
          tags: [catalog]
          operationId: getPolicy
          summary: The policy being served, and how the last load or reload went
          description: |
            Which policy answers, from which files, since when, and the outcome of the last
            load or reload attempt (SIGHUP). A reload that fails keeps the previous policy
            serving; its diagnostics stay in `lastReload` until the next attempt.
          responses:
            '200':
              description: The policy being served.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/PolicyStatus'
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '422':
              description: The query names a profile the server does not serve (`unknown_profile`).
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              description: |
                No policy is loaded (`not_ready`). When a load was attempted, `details` holds
                its rendered diagnostics (`diagnostics`, a string) and its error count (`errorCount`).
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
                  example:
                    error:
                      code: not_ready
                      details:
                        diagnostics: "Rules/rennes.rules:122:23: error[TP101]: expected a class, found `toleratd`\n…"
                        errorCount: 1
                      message: no policy is loaded

      /v1/tools:
        parameters:
          - $ref: '#/components/parameters/RequestId'
          - $ref: '#/components/parameters/Profile'
        get:
          tags: [catalog]
          operationId: listTools
          summary: The catalog under the served profile
          description: The catalog document, as `toolpolicy tools --format json` writes it.
          responses:
            '200':
              description: The catalog.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Catalog'
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              $ref: '#/components/responses/NotReady'

      /v1/tools/{id}:
        parameters:
          - $ref: '#/components/parameters/RequestId'
          - $ref: '#/components/parameters/Profile'
          - name: id
            in: path
            required: true
            description: |
              The tool's catalog id (`zoom`), or a name or alias as `check` accepts them,
              ignoring case, accents, spaces, dashes, underscores and dots (`Zoom`,
              `zoom-web`). The path segment is matched as sent: percent-escapes such as `%20`
              are not decoded, so write a name with spaces with dashes instead.
            schema:
              type: string
              minLength: 1
        get:
          tags: [catalog]
          operationId: getTool
          summary: One tool of the catalog
          responses:
            '200':
              description: The tool, as one item of the catalog's `tools`.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/CatalogTool'
            '404':
              description: |
                No such tool (`unknown_tool`). `details` holds the `id` asked, the `known` ids
                and, when one is close, a `hint`.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
                  example:
                    error:
                      code: unknown_tool
                      details:
                        hint: did you mean `zoom`?
                        id: zom
                        known: [cned, via, renavisio, renater-rendez-vous, scaleway-education, ovhcloud-audio, bbb-visio-agents, bbb-visio-ecoles, bbb-ent, zoom, gotomeeting, teams, starleaf, skype, discord]
                      message: no tool `zom` in the catalog
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              $ref: '#/components/responses/NotReady'

      /v1/check:
        parameters:
          - $ref: '#/components/parameters/RequestId'
        post:
          tags: [decisions]
          operationId: check
          summary: Decide one request
          description: |
            One request, one decision: the same document as `toolpolicy check TOOL … --format
            json`. Every decision is appended to the decision log when the server has one.
          requestBody:
            $ref: '#/components/requestBodies/CheckRequest'
          responses:
            '200':
              description: The decision, whatever the verdict (`denied` and `review` are 200 too).
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Decision'
            '400':
              $ref: '#/components/responses/MalformedJSON'
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '413':
              $ref: '#/components/responses/BodyTooLarge'
            '415':
              $ref: '#/components/responses/UnsupportedMediaType'
            '422':
              $ref: '#/components/responses/InvalidCheckRequest'
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              $ref: '#/components/responses/NotReady'

      /v1/reply:
        parameters:
          - $ref: '#/components/parameters/RequestId'
        post:
          tags: [decisions]
          operationId: reply
          summary: Decide one request and write the reply to the requester
          description: |
            The same request as `/v1/check`, answered with the reply letter, in French, to
            send to whoever asked: the verdict, the reasons with their sources, what to do,
            the institutional tools to use meanwhile. `requester` is used for the greeting
            (else "Madame, Monsieur") and `signature` to sign it (else "L'assistance
            numérique"); neither is logged. The decision is appended to the decision log.
          requestBody:
            $ref: '#/components/requestBodies/CheckRequest'
          responses:
            '200':
              description: The reply letter.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                text/plain:
                  schema:
                    type: string
                  example: |
                    Objet : Demande d'utilisation de « jitsi » : à examiner

                    Bonjour Madame, Monsieur,
                    …
            '400':
              $ref: '#/components/responses/MalformedJSON'
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '413':
              $ref: '#/components/responses/BodyTooLarge'
            '415':
              $ref: '#/components/responses/UnsupportedMediaType'
            '422':
              $ref: '#/components/responses/InvalidCheckRequest'
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              $ref: '#/components/responses/NotReady'

      /v1/lint:
        parameters:
          - $ref: '#/components/parameters/RequestId'
          - $ref: '#/components/parameters/Profile'
        post:
          tags: [decisions]
          operationId: lint
          summary: Check every row of a school's list
          description: |
            The lint report of `toolpolicy lint --format json`: every row's result, allowed
            rows included with their decision, then the summary. A malformed row is reported
            in its place (its `problems`) and does not hide the others; the answer is still
            200. Each checked row's decision is appended to the decision log.

            The list is JSON (an array of objects, or an object with a `uses` array; keys are
            column names) or CSV with a header row (`;` or `,`, detected; UTF-8 with or without
            BOM, or Windows-1252 as French Excel saves it). Columns are `tool` and the use
            facts of the policy, named as `check`'s options; other columns are ignored with a
            warning.
          parameters:
            - name: name
              in: query
              required: false
              description: The list's name, written in the report's `list`. `-` when absent.
              schema:
                type: string
              example: ecole-excel.csv
            - name: date
              in: query
              required: false
              description: The evaluation date, `YYYY-MM-DD`. Today in UTC when absent.
              schema:
                $ref: '#/components/schemas/Date'
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  $ref: '#/components/schemas/UseList'
                example:
                  - tool: zoom
                    mode: web
                    accounts: none
                  - tool: teams
                    accounts: [pupils]
              text/csv:
                schema:
                  type: string
                example: |
                  tool;mode;computer;accounts;audience;purpose;recorded;participants
                  Zoom;web;pedagogical;none;external;external-meeting;non;
          responses:
            '200':
              description: The lint report, whether rows are allowed, denied, to review or malformed.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
                X-Lint-Summary:
                  $ref: '#/components/headers/X-Lint-Summary'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/LintReport'
            '400':
              description: |
                The list could not be read to its end: malformed JSON or a JSON value of the
                wrong shape (`malformed_json`), an empty CSV body or an unclosed quote
                (`malformed_csv`). `details` holds the `line` where reading stopped (and the
                `column` for malformed JSON), a `hint`, and `report`: the lint report of the
                rows read before the break, with its `error`.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
                  example:
                    error:
                      code: malformed_csv
                      details:
                        hint: a cell opened with " is never closed; close it, or double the quote inside it ("")
                        line: 3
                        report:
                          error:
                            hint: a cell opened with " is never closed; close it, or double the quote inside it ("")
                            line: 3
                            message: quoted field starting on line 3 is never closed
                          list: '-'
                          policy:
                            digest: sha256:2b16dcd43d6edea41e1fc8bbe4e56c61863eb7f26436eee5b5081cd5f146123d
                            name: national
                            profile: rennes
                          results: []
                          summary: {allowed: 0, conditional: 0, denied: 0, malformed: 0, review: 0, rows: 0}
                          warnings: []
                      message: quoted field starting on line 3 is never closed
            '405':
              $ref: '#/components/responses/MethodNotAllowed'
            '413':
              description: |
                The body is larger than `--max-body-size` (`body_too_large`), or the list has
                more rows than `--max-lint-rows` (`too_many_rows`, with `details.rows` and
                `details.limit`). A list over the row limit is refused whole: no row is
                checked or logged.
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
                  example:
                    error:
                      code: too_many_rows
                      details:
                        hint: split the list, or start the server with a larger --max-lint-rows
                        limit: 2000
                        rows: 50000
                      message: the list has 50000 rows; the limit is 2000 (--max-lint-rows)
            '415':
              $ref: '#/components/responses/UnsupportedMediaType'
            '422':
              description: The `date` query parameter is not `YYYY-MM-DD` (`invalid_request`, `details.path` = `date`).
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/X-Request-Id'
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Error'
                  example:
                    error:
                      code: invalid_request
                      details:
                        path: date
                      message: '`date` takes YYYY-MM-DD (got `tomorrow`)'
            '500':
              $ref: '#/components/responses/InternalError'
            '503':
              $ref: '#/components/responses/NotReady'

    components:
      parameters:
        RequestId:
          name: X-Request-Id
          in: header
          required: false
          description: |
            The request's id. Kept, returned and logged when it is 1 to 64 characters from
            `A-Za-z0-9._-`; otherwise the server makes its own.
          schema:
            type: string
            pattern: '^[A-Za-z0-9._-]{1,64}$'
        Profile:
          name: profile
          in: query
          required: false
          description: |
            The academy profile to answer under (`poitiers`); the server's `--profile` when
            absent. Every profile of the policy folder is served; another name is 422
            `unknown_profile`, with the known ones in `details.allowed`.
          schema:
            type: string
            minLength: 1
        Lang:
          name: lang
          in: query
          required: false
          description: The page's language. Any other value is ignored.
          schema:
            type: string
            enum: [fr, en]
        AcceptLanguage:
          name: Accept-Language
          in: header
          required: false
          description: Used when `lang` is not given; the first of `fr` and `en` by quality wins.
          schema:
            type: string
          example: en-GB,en;q=0.9,fr;q=0.8

      headers:
        X-Request-Id:
          description: The request's id, as in the server log and the decision log.
          required: true
          schema:
            type: string
        Allow:
          description: The methods the path accepts, comma-separated (`GET, POST`).
          required: true
          schema:
            type: string
        X-Lint-Summary:
          description: The report's summary counts, for a pipeline that reads headers only.
          required: true
          schema:
            type: string
            pattern: '^rows=\d+ allowed=\d+ conditional=\d+ denied=\d+ review=\d+ malformed=\d+$'
          example: rows=10 allowed=3 conditional=0 denied=5 review=1 malformed=1
        Content-Security-Policy:
          description: The page loads nothing external and runs no script.
          required: true
          schema:
            type: string
            const: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        X-Content-Type-Options:
          required: true
          schema:
            type: string
            const: nosniff
        Referrer-Policy:
          required: true
          schema:
            type: string
            const: no-referrer

      requestBodies:
        CheckRequest:
          required: true
          description: |
            The request, in JSON. `application/json` and any `application/*+json` type are
            accepted; any other `Content-Type` gets 415.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/CheckRequest'
              examples:
                denied:
                  summary: Zoom installed on an administrative computer
                  value:
                    tool: zoom
                    use:
                      mode: install
                      computer: administrative
                    date: '2026-09-01'
                reply:
                  summary: For /v1/reply, with the greeting and the signature
                  value:
                    tool: Ma classe à la maison
                    use:
                      audience: [pupils]
                      purpose: class
                    requester: Mme Martin
                    signature: Le référent numérique

      responses:
        HelpdeskPage:
          description: The page, in French (`<html lang="fr">`) or English.
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
            Content-Security-Policy:
              $ref: '#/components/headers/Content-Security-Policy'
            X-Content-Type-Options:
              $ref: '#/components/headers/X-Content-Type-Options'
            Referrer-Policy:
              $ref: '#/components/headers/Referrer-Policy'
          content:
            text/html:
              schema:
                type: string
        MalformedJSON:
          description: |
            The body is not JSON (`malformed_json`): RFC 8259, so no trailing comma, no
            duplicate key, no comment, UTF-8 only. `details` has the `line` and `column`
            (in characters) where parsing stopped; an empty body is line 1, column 1.
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
              example:
                error:
                  code: malformed_json
                  details:
                    column: 19
                    line: 3
                  message: 'malformed JSON at line 3, column 19: unexpected `w`: expected a value (an object, an array, a string, a number, true, false or null)'
        InvalidCheckRequest:
          description: |
            Well-formed JSON that cannot be decided. `invalid_request`: a missing or unknown
            field, a value of the wrong JSON type, an empty `tool` or a bad `date`;
            `details.path` names the field. `invalid_facts`: use facts the policy does not
            declare or values outside their type, every one listed in `details.errors` with
            the `fact`, the `message`, the `allowed` values and, when one is close, a `hint`.
            `unknown_tool`: the tool is a near miss of listed tools (`zom`), with
            `details.candidates` (`id`, `name`), closest first. `unknown_profile`: `profile`
            names no profile of the folder.
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
              examples:
                invalid_facts:
                  value:
                    error:
                      code: invalid_facts
                      details:
                        errors:
                          - allowed: [install, web]
                            fact: mode
                            hint: did you mean `install`?
                            message: '`instal` is not a valid value for `use.mode`: expected one of install, web'
                      message: '`instal` is not a valid value for `use.mode`: expected one of install, web'
                invalid_request:
                  value:
                    error:
                      code: invalid_request
                      details:
                        path: mode
                      message: '`mode`: unknown field; the body has `tool`, `use` and `date` (facts go inside `use`)'
        MethodNotAllowed:
          description: The path exists but does not accept this method (`method_not_allowed`).
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
            Allow:
              $ref: '#/components/headers/Allow'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
              example:
                error:
                  code: method_not_allowed
                  details:
                    allowed: [POST]
                  message: /v1/check does not accept GET
        NotFound:
          description: No route serves this path (`not_found`).
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
              example:
                error:
                  code: not_found
                  details:
                    hint: the API is under /v1; see GET /openapi.yaml
                    path: /v1/chek
                  message: no route for /v1/chek
        BodyTooLarge:
          description: |
            The body is larger than `--max-body-size` (`body_too_large`), known from
            `Content-Length` before reading or while reading a chunked body.
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
              example:
                error:
                  code: body_too_large
                  details:
                    hint: split the list, or start the server with a larger --max-body-size
                    limit: 1048576
                  message: the request body is larger than 1048576 bytes
        UnsupportedMediaType:
          description: |
            The `Content-Type` is missing or not one the route reads (`unsupported_media_type`);
            `details` has what was `received` and what is `accepted`.
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
              example:
                error:
                  code: unsupported_media_type
                  details:
                    accepted: [application/json]
                    received: text/plain
                  message: 'Content-Type `text/plain`: expected application/json'
        NotReady:
          description: |
            No policy is loaded (`not_ready`). `toolpolicy serve` does not start without a
            policy, and a failed reload keeps the previous one, so a server started by
            `toolpolicy serve` does not answer this. With `--decision-log-required`, also
            when the decision could not be written to the decision log
            (`decision_not_logged`, `details.reason` the system's error): the request is
            answered 503 rather than with an unlogged decision, and `/readyz` answers 503
            while the log's last write failed.
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
              example:
                error:
                  code: not_ready
                  details:
                    hint: GET /v1/policy shows the diagnostics of the last load
                  message: no policy is loaded
        InternalError:
          description: |
            An unexpected error (`internal`). The client gets no internals; the server log has
            the details under the request id.
          headers:
            X-Request-Id:
              $ref: '#/components/headers/X-Request-Id'
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'

      schemas:
        # Errors and requests.

        Error:
          type: object
          description: 'The error envelope: `{"error": {"code", "message", "details"}}`.'
          additionalProperties: false
          required: [error]
          properties:
            error:
              type: object
              additionalProperties: false
              required: [code, message, details]
              properties:
                code:
                  $ref: '#/components/schemas/ErrorCode'
                message:
                  type: string
                  description: What went wrong, for a person, in English.
                details:
                  $ref: '#/components/schemas/ErrorDetails'
        ErrorCode:
          description: |
            The stable error code, with its status:
            `malformed_json` 400, `malformed_csv` 400, `not_found` 404, `unknown_tool` 404,
            `method_not_allowed` 405, `body_too_large` 413, `unsupported_media_type` 415,
            `invalid_request` 422, `invalid_facts` 422, `internal` 500, `not_ready` 503.
            Another HTTP error raised by the server framework is `http_` and its status
            (`http_400`).
          anyOf:
            - type: string
              enum:
                - malformed_json
                - malformed_csv
                - not_found
                - unknown_tool
                - method_not_allowed
                - body_too_large
                - unsupported_media_type
                - invalid_request
                - invalid_facts
                - internal
                - not_ready
            - type: string
              pattern: '^http_[0-9]{3}$'
        ErrorDetails:
          type: object
          description: |
            Where it broke and what would be accepted; `{}` when there is nothing to add.
            Which members appear depends on the code.
          properties:
            path:
              type: string
              description: '`not_found`: the request path. `invalid_request`: the field at fault (`tool`, `use.mode`, `date`).'
            line:
              type: integer
              minimum: 1
              description: '`malformed_json`, `malformed_csv`: the line where reading stopped.'
            column:
              type: integer
              minimum: 1
              description: '`malformed_json`: the column, in characters.'
            hint:
              type: string
              description: How to fix it.
            allowed:
              type: array
              items:
                type: string
              description: '`method_not_allowed`: the methods the path accepts.'
            limit:
              type: integer
              description: '`body_too_large`: the limit in bytes.'
            received:
              type: string
              description: '`unsupported_media_type`: the `Content-Type` sent, empty when none.'
            accepted:
              type: array
              items:
                type: string
              description: '`unsupported_media_type`: the media types the route reads.'
            id:
              type: string
              description: '`unknown_tool`: the id asked.'
            known:
              type: array
              items:
                type: string
              description: '`unknown_tool`: the catalog ids.'
            errors:
              description: '`invalid_facts`: one item per invalid fact.'
              type: array
              items:
                $ref: '#/components/schemas/FactError'
            errorCount:
              description: '`not_ready` from `/v1/policy`: the number of errors of the last load attempt.'
              type: integer
              minimum: 0
            diagnostics:
              type: string
              description: '`not_ready` from `/v1/policy`: the last load attempt''s diagnostics, rendered as text.'
            report:
              $ref: '#/components/schemas/LintReport'
              description: '`malformed_json`, `malformed_csv` from `/v1/lint`: the report of the rows read before the break.'
        FactError:
          type: object
          additionalProperties: false
          required: [fact, message, allowed]
          properties:
            fact:
              type: string
              description: The fact's name without `use.`, as given.
            message:
              type: string
            allowed:
              type: array
              items:
                type: string
              description: 'The accepted values of a `one of` or `set of` fact; for an unknown fact, the declared use facts; else `[]`.'
            hint:
              type: string
              description: A close value or fact name (`did you mean `install`?`).

        CheckRequest:
          type: object
          description: |
            One request, for `/v1/check` and `/v1/reply`. A decision's `tool.query`, `use` and
            `date` can be posted again as they are.
          additionalProperties: false
          required: [tool]
          properties:
            tool:
              type: string
              minLength: 1
              description: 'The tool, by id, name or alias, ignoring case and accents (`zoom`, `"Zoom web"`).'
            use:
              type: object
              description: |
                The use facts known, by name without `use.` (`mode`, `computer`, `accounts`,
                `audience`, `purpose`, `recorded`, `participants`, `waiting_room` in the shipped
                rules). A missing or `null` fact is unknown. Strings are read as the CLI reads
                option values: `"yes"`, `"oui"`, `"true"` for a `bool`, `"pupils,staff"` or
                `"pupils"` for a `set of`. Absent means `{}`.
              propertyNames:
                minLength: 1
              additionalProperties:
                $ref: '#/components/schemas/UseValue'
              example:
                mode: web
                accounts: [none]
                recorded: false
                participants: 24
            date:
              $ref: '#/components/schemas/Date'
              description: The evaluation date. Today in UTC when absent.
            profile:
              type: string
              description: The academy profile to answer under (`rennes`, `orleans-tours`, `poitiers`, `strasbourg`). The server's `--profile` when absent; every profile is compiled at start and reloaded together. An unknown one is a 422 `unknown_profile`.
            requester:
              type: string
              description: '`/v1/reply` only: who asked, for the greeting. Never logged. Ignored by `/v1/check`.'
            signature:
              type: string
              description: '`/v1/reply` only: who answers, to sign the letter. Ignored by `/v1/check`.'
        UseValue:
          description: A plain JSON value; it is typed against the fact's declaration.
          oneOf:
            - type: string
            - type: integer
            - type: boolean
            - type: array
              items:
                type: string
            - type: 'null'
        UseList:
          description: |
            A school's list: an array of uses, or an object with a `uses` array. Each use is
            an object whose keys are columns (`tool` and use fact names) and whose values are
            strings, booleans, integers, arrays of strings, or `null` (unknown).
          oneOf:
            - type: array
              items:
                $ref: '#/components/schemas/UseListRow'
            - type: object
              required: [uses]
              properties:
                uses:
                  type: array
                  items:
                    $ref: '#/components/schemas/UseListRow'
        UseListRow:
          type: object
          properties:
            tool:
              type: string
          additionalProperties:
            $ref: '#/components/schemas/UseValue'
        HelpdeskForm:
          type: object
          description: |
            What the page's form posts. `use.NAME` is one field per use fact of the policy;
            a `set of` fact is a field repeated once per value (checkboxes). Blank fields
            are unknown; a `use.NAME` the policy does not declare is ignored.
          required: [tool]
          properties:
            tool:
              type: string
              description: The tool, by id, name or alias.
            date:
              $ref: '#/components/schemas/Date'
            requester:
              type: string
              maxLength: 80
              description: Who asked, for the reply's greeting. Never logged.
            signature:
              type: string
              maxLength: 80
              description: Who answers, to sign the reply.
            lang:
              type: string
              enum: [fr, en]
              description: The page's language, when the URL has no `lang`.
          patternProperties:
            '^use\.[^.]+$':
              oneOf:
                - type: string
                - type: array
                  items:
                    type: string
          example:
            tool: Zoom
            use.mode: web
            use.accounts: [none]
            requester: Mme Martin

        # Health and policy.

        Health:
          type: object
          additionalProperties: false
          required: [status]
          properties:
            status:
              const: ok
        Ready:
          type: object
          additionalProperties: false
          required: [status, digest]
          properties:
            status:
              enum: [ready, degraded]
              description: '`degraded` while the decision log''s last write failed: the answers are right but not all logged.'
            digest:
              $ref: '#/components/schemas/Digest'
            decisionLogFailures:
              type: integer
              minimum: 1
              description: When `degraded`, how many decision-log lines could not be written since the start.
        PolicyStatus:
          type: object
          description: The policy being served (`GET /v1/policy`).
          additionalProperties: false
          required: [name, profile, profiles, digest, rules, tools, loadedAt, loadMilliseconds, sources, sourceDocuments]
          properties:
            name:
              type: string
              description: The base policy (`national`).
            profile:
              type: string
              description: The academy profile (`rennes`).
            profiles:
              type: array
              items: {type: string}
              description: Every profile the server answers for; a request names one with `profile`.
            title:
              type: string
              description: The profile's title, when it has one.
            digest:
              $ref: '#/components/schemas/Digest'
            rules:
              type: integer
              minimum: 0
              description: The number of rules.
            tools:
              type: integer
              minimum: 0
              description: The number of catalog tools.
            loadedAt:
              $ref: '#/components/schemas/Timestamp'
              description: When the serving policy was loaded.
            loadMilliseconds:
              type: number
              minimum: 0
              description: How long loading and compiling took.
            sources:
              type: array
              items:
                type: string
              description: The rule files compiled, with the `--policy` path in front (`Rules/rennes.rules`).
            sourceDocuments:
              type: array
              items:
                type: string
              description: The source documents the policy's headers name.
            lastReload:
              $ref: '#/components/schemas/ReloadAttempt'
            decisionLog:
              $ref: '#/components/schemas/DecisionLogState'
        DecisionLogState:
          type: object
          description: |
            The decision log's writes since the start (present when the server has
            `--decision-log`). A line is written whole or not at all; `failed` counts the
            lines that could not be written.
          additionalProperties: false
          required: [path, required, written, failed, failing]
          properties:
            path:
              type: string
            required:
              type: boolean
              description: Whether `--decision-log-required` is set (an unlogged decision is a 503).
            written:
              type: integer
              minimum: 0
            failed:
              type: integer
              minimum: 0
            failing:
              type: boolean
              description: Whether the last write failed.
            lastFailure:
              type: string
              description: The system's reason for the last failure (`No space left on device`).
            lastFailureAt:
              $ref: '#/components/schemas/Timestamp'
        ReloadAttempt:
          type: object
          description: |
            The last load or reload attempt, successful or not. The start-up load counts: a
            server that has not been reloaded shows it.
          additionalProperties: false
          required: [at, succeeded, errors, warnings, diagnostics]
          properties:
            at:
              $ref: '#/components/schemas/Timestamp'
            succeeded:
              type: boolean
              description: Whether the new policy replaced the old one.
            digest:
              $ref: '#/components/schemas/Digest'
              description: The digest of what was attempted, when it compiled.
            errors:
              type: integer
              minimum: 0
            warnings:
              type: integer
              minimum: 0
            diagnostics:
              type: array
              items:
                $ref: '#/components/schemas/Diagnostic'
        Diagnostic:
          type: object
          description: A diagnostic of the rules, as `toolpolicy validate` prints it.
          additionalProperties: false
          required: [severity, code, message, notes]
          properties:
            severity:
              type: string
              enum: [error, warning, note]
            code:
              type: string
              description: A stable code such as `TP101` (docs/language.md).
            message:
              type: string
            range:
              $ref: '#/components/schemas/SourceRange'
            hint:
              type: string
            notes:
              type: array
              items:
                type: object
                additionalProperties: false
                required: [message]
                properties:
                  message:
                    type: string
                  range:
                    $ref: '#/components/schemas/SourceRange'
        SourceRange:
          type: object
          additionalProperties: false
          required: [start, length]
          properties:
            start:
              type: object
              additionalProperties: false
              required: [file, line, column]
              properties:
                file:
                  type: string
                line:
                  type: integer
                  minimum: 1
                column:
                  type: integer
                  minimum: 1
                  description: In characters.
            length:
              type: integer
              minimum: 0
        Timestamp:
          type: string
          description: UTC, with milliseconds (`2026-11-23T16:56:36.953Z`).
          format: date-time

        # The decision (docs/schemas/decision.schema.json).

        Decision:
          type: object
          description: |
            The explained answer to one request: `toolpolicy check --format json`, each
            checked row of a lint report, and the body of `POST /v1/check`. This is a summary
            of `docs/schemas/decision.schema.json`, which is the contract and also states the
            rules between fields (a denial has at least one reason and no conditions, an
            allowed use has no unknown facts and no remedies, …). `docs/json.md` explains
            each field.
          externalDocs:
            description: decision.schema.json
            url: https://example.invalid/toolpolicy/schemas/decision.schema.json
          additionalProperties: false
          required: [verdict, tool, use, date, policy, reasons, conditions, advice, remedies, unknownFacts, waysToComply]
          properties:
            verdict:
              $ref: '#/components/schemas/Verdict'
            tool:
              $ref: '#/components/schemas/ToolSummary'
            use:
              type: object
              description: The use facts the request gave, typed, by name without `use.`; a fact not given is absent (unknown).
              additionalProperties:
                $ref: '#/components/schemas/FactValue'
            date:
              $ref: '#/components/schemas/Date'
            policy:
              $ref: '#/components/schemas/PolicyIdentity'
            reasons:
              type: array
              description: The rules that decided the verdict, in rule order.
              items:
                $ref: '#/components/schemas/Finding'
            conditions:
              type: array
              description: For an allowed or conditional use, the conditions under which it is permitted (`unknown` or `met`); empty otherwise.
              items:
                $ref: '#/components/schemas/Finding'
            advice:
              type: array
              description: The `advise` rules that apply.
              items:
                $ref: '#/components/schemas/Finding'
            remedies:
              type: array
              uniqueItems: true
              description: What would make the use compliant, without duplicates.
              items:
                $ref: '#/components/schemas/LocalizedText'
            unknownFacts:
              type: array
              uniqueItems: true
              description: The facts that would settle the open conditions (`use.mode`, `tool.dpa_signed`), sorted; empty unless `conditional`.
              items:
                type: string
                pattern: '^(use|tool)\.[^.\s]+$'
            waysToComply:
              type: array
              description: The computed ways to compliance of a denied or conditional answer, each re-evaluated (docs/analysis.md); empty otherwise.
              items:
                $ref: '#/components/schemas/Remedy'
        Remedy:
          type: object
          additionalProperties: false
          required: [by, changes, verdict]
          properties:
            by:
              type: string
              enum: [requester, school]
            changes:
              type: array
              items:
                type: object
                additionalProperties: false
                required: [by, fact, to]
                properties:
                  by:
                    type: string
                    enum: [requester, school]
                  fact:
                    type: string
                  from:
                    $ref: '#/components/schemas/FactValue'
                  to:
                    $ref: '#/components/schemas/FactValue'
            verdict:
              type: string
              enum: [allowed, conditional]
        Verdict:
          type: string
          enum: [allowed, conditional, denied, review]
        Standing:
          type: string
          enum: [institutional, tolerated, forbidden, unclassified, unlisted]
        Effect:
          type: string
          enum: [forbid, permit, require, advise, review]
        Status:
          type: string
          enum: [applies, unknown, met, violated]
        Date:
          type: string
          format: date
          pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
          description: '`YYYY-MM-DD`.'
        Digest:
          type: string
          pattern: '^sha256:[0-9a-f]{64}$'
          description: '`sha256:` and 64 lowercase hex digits over the normalised rule sources.'
        Citation:
          type: object
          additionalProperties: false
          required: [document, section]
          properties:
            document:
              type: string
              minLength: 1
            section:
              type: string
              minLength: 1
        LocalizedText:
          type: object
          additionalProperties: false
          required: [fr]
          properties:
            fr:
              type: string
              minLength: 1
            en:
              type: string
              minLength: 1
              description: Absent when the rule gives no English; show the French then.
        FactValue:
          description: '`bool` → boolean, `integer` → integer, `date` → `YYYY-MM-DD`, `string` and `one of` → string, `set of` → array of strings in declaration order.'
          oneOf:
            - type: boolean
            - type: integer
            - type: string
            - type: array
              uniqueItems: true
              items:
                type: string
                minLength: 1
        PolicyIdentity:
          type: object
          additionalProperties: false
          required: [name, profile, digest]
          properties:
            name:
              type: string
              minLength: 1
            profile:
              type: string
              minLength: 1
            digest:
              $ref: '#/components/schemas/Digest'
        ToolSummary:
          type: object
          description: '`id` and `name` are present exactly when the tool is in the catalog (standing other than `unlisted`).'
          additionalProperties: false
          required: [query, standing, classCitations]
          properties:
            query:
              type: string
              description: The tool as the request gave it, verbatim.
            id:
              type: string
              minLength: 1
            name:
              type: string
              minLength: 1
            standing:
              $ref: '#/components/schemas/Standing'
            classCitations:
              type: array
              items:
                $ref: '#/components/schemas/Citation'
        Finding:
          type: object
          description: A rule as it bears on the decision.
          additionalProperties: false
          required: [rule, effect, status, message, citations, layer]
          properties:
            rule:
              type: string
              minLength: 1
              description: The rule's id; `no-permit` and `unlisted-tool` are built in.
            effect:
              $ref: '#/components/schemas/Effect'
            status:
              $ref: '#/components/schemas/Status'
            message:
              $ref: '#/components/schemas/LocalizedText'
            remedy:
              $ref: '#/components/schemas/LocalizedText'
            citations:
              type: array
              items:
                $ref: '#/components/schemas/Citation'
            layer:
              type: string
              minLength: 1
              description: The base (`national`) or the profile (`rennes`).

        # The lint report (docs/schemas/lint.schema.json).

        LintReport:
          type: object
          description: |
            Every row of a list checked against the policy. A summary of
            `docs/schemas/lint.schema.json`, which is the contract (a malformed row has
            problems and neither verdict nor decision; a checked row has a verdict, and its
            decision has the same verdict). In this API `list` is the `name` query parameter,
            or `-`.
          externalDocs:
            description: lint.schema.json
            url: https://example.invalid/toolpolicy/schemas/lint.schema.json
          additionalProperties: false
          required: [list, policy, warnings, results, summary]
          properties:
            list:
              type: string
            policy:
              $ref: '#/components/schemas/PolicyIdentity'
            warnings:
              type: array
              description: One per column that is neither `tool` nor a use fact; the column is ignored.
              items:
                $ref: '#/components/schemas/RowProblem'
            results:
              type: array
              description: One per data row, in list order.
              items:
                $ref: '#/components/schemas/LintResult'
            summary:
              $ref: '#/components/schemas/LintSummary'
            error:
              type: object
              description: Only when the list could not be read to its end (then the answer is a 400 with this report in `details.report`).
              additionalProperties: false
              required: [message]
              properties:
                message:
                  type: string
                  minLength: 1
                line:
                  type: integer
                  minimum: 1
                hint:
                  type: string
                  minLength: 1
        LintResult:
          type: object
          additionalProperties: false
          required: [row, tool, problems]
          properties:
            row:
              type: integer
              minimum: 1
              description: The row's position among the data rows.
            line:
              type: integer
              minimum: 1
              description: The line where the row starts (the row's object for a JSON list).
            tool:
              type: string
              description: The tool as written in the row, trimmed; empty when the row names none.
            verdict:
              $ref: '#/components/schemas/Verdict'
            decision:
              $ref: '#/components/schemas/Decision'
            problems:
              type: array
              description: Why the row could not be checked; empty when it was checked.
              items:
                $ref: '#/components/schemas/RowProblem'
        RowProblem:
          type: object
          additionalProperties: false
          required: [column, message, allowed]
          properties:
            column:
              type: string
            message:
              type: string
              minLength: 1
            allowed:
              type: array
              items:
                type: string
            hint:
              type: string
              minLength: 1
        LintSummary:
          type: object
          description: '`rows` is the sum of the five others.'
          additionalProperties: false
          required: [rows, allowed, conditional, denied, review, malformed]
          properties:
            rows:
              type: integer
              minimum: 0
            allowed:
              type: integer
              minimum: 0
            conditional:
              type: integer
              minimum: 0
            denied:
              type: integer
              minimum: 0
            review:
              type: integer
              minimum: 0
            malformed:
              type: integer
              minimum: 0

        # The catalog (docs/schemas/catalog.schema.json).

        Catalog:
          type: object
          description: |
            The catalog under the served profile, with every fact and its source. A summary of
            `docs/schemas/catalog.schema.json`, which is the contract.
          externalDocs:
            description: catalog.schema.json
            url: https://example.invalid/toolpolicy/schemas/catalog.schema.json
          additionalProperties: false
          required: [policy, profile, digest, tools]
          properties:
            policy:
              $ref: '#/components/schemas/PolicyIdentity'
            profile:
              type: string
              minLength: 1
              description: The same as `policy.profile`, kept for readers of the first version.
            digest:
              $ref: '#/components/schemas/Digest'
              description: The same as `policy.digest`.
            tools:
              type: array
              description: In the order the rules declare them.
              items:
                $ref: '#/components/schemas/CatalogTool'
        CatalogTool:
          type: object
          additionalProperties: false
          required: [id, name, aliases, standing, classCitations, facts]
          properties:
            id:
              type: string
              minLength: 1
            name:
              type: string
              minLength: 1
            aliases:
              type: array
              items:
                type: string
                minLength: 1
            category:
              type: string
              minLength: 1
            standing:
              description: Never `unlisted`.
              allOf:
                - $ref: '#/components/schemas/Standing'
              not:
                const: unlisted
            classCitations:
              type: array
              items:
                $ref: '#/components/schemas/Citation'
            facts:
              type: array
              description: What the rules state about the tool, in order; a fact not stated is unknown.
              items:
                $ref: '#/components/schemas/CatalogFact'
        CatalogFact:
          type: object
          additionalProperties: false
          required: [name, value, source, layer]
          properties:
            name:
              type: string
              minLength: 1
              pattern: '^[^.\s]+$'
              description: Without the `tool.` prefix.
            value:
              $ref: '#/components/schemas/FactValue'
            source:
              $ref: '#/components/schemas/Citation'
            layer:
              type: string
              minLength: 1
    """# + "\n"
}
