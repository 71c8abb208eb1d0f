import Foundation
import ToolPolicy
import Yams

/// The HTTP contract as a client fetches it, `/openapi.yaml` and the schemas it `$ref`s, with
/// a JSON Schema (draft 2020-12) check of a JSON value against any schema in it.
///
/// The check knows the keywords the contract uses; a schema with any other keyword is a
/// failure ("unsupported keyword"), so that a schema this check does not understand never
/// passes by being skipped. `format` is an annotation here, as draft 2020-12 makes it by
/// default; `pattern` uses NSRegularExpression.
struct ContractSchemas {
    /// The documents by path relative to the document: `openapi.yaml`, `schemas/decision.schema.json`.
    let documents: [String: Any]

    /// The keywords that only annotate.
    private static let annotations: Set<String> = [
        "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "example", "format",
        "externalDocs", "default", "deprecated", "readOnly", "writeOnly",
    ]

    /// Loads each document from its text, YAML or JSON.
    init(texts: [String: String]) throws {
        var documents: [String: Any] = [:]
        for (path, text) in texts { documents[path] = try Yams.load(yaml: text) as Any }
        self.documents = documents
    }

    /// The value a `$ref` names, written in document `base`, and the document it is in.
    func resolve(_ reference: String, from base: String) throws -> (document: String, value: Any) {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var document = base
        if !parts[0].isEmpty {
            let folder = base.split(separator: "/").dropLast().joined(separator: "/")
            document = folder.isEmpty ? String(parts[0]) : folder + "/" + parts[0]
        }
        guard var value = documents[document] else { throw Unresolved(reference: reference, base: base) }
        let pointer = parts.count > 1 ? parts[1] : ""
        for token in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = value as? [String: Any], let next = object[key] {
                value = next
            } else if let array = value as? [Any], let index = Int(key), array.indices.contains(index) {
                value = array[index]
            } else {
                throw Unresolved(reference: reference, base: base)
            }
        }
        return (document, value)
    }

    /// A `$ref` that names nothing.
    struct Unresolved: Error, CustomStringConvertible {
        let reference: String
        let base: String
        var description: String { "`\(reference)` in \(base) resolves to nothing" }
    }

    /// Every way `instance` breaks `schema` (read in document `base`), each with its JSON path;
    /// empty when it is valid.
    func errors(_ instance: JSONNode, against schema: Any, in base: String, at path: String = "$") -> [String] {
        if let flag = schema as? Bool { return flag ? [] : ["\(path): the schema `false` allows nothing"] }
        guard let schema = schema as? [String: Any] else { return ["\(path): a schema is an object or a boolean"] }
        var errors: [String] = []
        func fail(_ message: String) { errors.append("\(path): \(message)") }
        func check(_ sub: Any, _ node: JSONNode = instance, at subPath: String? = nil) -> [String] {
            self.errors(node, against: sub, in: base, at: subPath ?? path)
        }
        for (keyword, value) in schema {
            switch keyword {
            case _ where Self.annotations.contains(keyword):
                continue
            case "$ref":
                do {
                    let (document, target) = try resolve(value as? String ?? "", from: base)
                    errors += self.errors(instance, against: target, in: document, at: path)
                } catch {
                    fail("\(error)")
                }
            case "type":
                let types = (value as? [String]) ?? [value as? String ?? ""]
                if !types.contains(where: { Self.has(instance.value, type: $0) }) { fail("expected \(types.joined(separator: " or ")), got \(Self.typeName(instance.value))") }
            case "enum":
                if !((value as? [Any]) ?? []).contains(where: { Self.equal(instance.value, $0) }) { fail("not one of \(value)") }
            case "const":
                if !Self.equal(instance.value, value) { fail("not \(value)") }
            case "properties":
                for (name, sub) in value as? [String: Any] ?? [:] {
                    if let member = instance[name] { errors += check(sub, member, at: "\(path).\(name)") }
                }
            case "required":
                if let members = instance.members {
                    for name in value as? [String] ?? [] where !members.contains(where: { $0.key == name }) { fail("missing `\(name)`") }
                }
            case "additionalProperties":
                let known = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
                for member in instance.members ?? [] where !known.contains(member.key) {
                    errors += check(value, member.value, at: "\(path).\(member.key)")
                }
            case "propertyNames":
                for member in instance.members ?? [] {
                    errors += check(value, JSONNode(.string(member.key), line: member.value.line), at: "\(path) key `\(member.key)`")
                }
            case "dependentRequired":
                if let members = instance.members {
                    let keys = Set(members.map(\.key))
                    for (name, needed) in value as? [String: [String]] ?? [:] where keys.contains(name) {
                        for other in needed where !keys.contains(other) { fail("`\(name)` needs `\(other)`") }
                    }
                }
            case "items":
                if case .array(let items) = instance.value {
                    for (index, item) in items.enumerated() { errors += check(value, item, at: "\(path)[\(index)]") }
                }
            case "minItems", "maxItems":
                if case .array(let items) = instance.value, let bound = value as? Int,
                   keyword == "minItems" ? items.count < bound : items.count > bound { fail("\(items.count) items, \(keyword) \(bound)") }
            case "uniqueItems":
                if case .array(let items) = instance.value, value as? Bool == true, Set(items.map { "\($0.value)" }).count != items.count { fail("items repeat") }
            case "contains":
                if case .array(let items) = instance.value, !items.contains(where: { check(value, $0).isEmpty }) { fail("no item matches `contains`") }
            case "minLength", "maxLength":
                if case .string(let text) = instance.value, let bound = value as? Int {
                    let length = text.unicodeScalars.count
                    if keyword == "minLength" ? length < bound : length > bound { fail("\(length) characters, \(keyword) \(bound)") }
                }
            case "pattern":
                if case .string(let text) = instance.value {
                    guard let regex = try? NSRegularExpression(pattern: value as? String ?? "") else { fail("bad pattern \(value)"); continue }
                    if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil { fail("`\(text)` does not match \(value)") }
                }
            case "minimum", "maximum":
                if let number = Self.number(instance.value), let bound = Self.number(value) {
                    if keyword == "minimum" ? number < bound : number > bound { fail("\(number) is past \(keyword) \(bound)") }
                }
            case "allOf":
                for sub in value as? [Any] ?? [] { errors += check(sub) }
            case "anyOf":
                if !(value as? [Any] ?? []).contains(where: { check($0).isEmpty }) { fail("matches none of anyOf") }
            case "oneOf":
                let matching = (value as? [Any] ?? []).filter { check($0).isEmpty }.count
                if matching != 1 { fail("matches \(matching) of oneOf, not 1") }
            case "not":
                if check(value).isEmpty { fail("matches `not`") }
            case "if":
                let branch = check(value).isEmpty ? schema["then"] : schema["else"]
                if let branch { errors += check(branch) }
            case "then", "else":
                continue
            default:
                fail("unsupported keyword `\(keyword)`")
            }
        }
        return errors
    }

    private static func has(_ value: JSONNode.Value, type: String) -> Bool {
        switch (value, type) {
        case (.number(let text), "integer"): Double(text).map { $0.rounded() == $0 } ?? false
        case (.null, "null"), (.bool, "boolean"), (.integer, "integer"), (.integer, "number"), (.number, "number"),
             (.string, "string"), (.array, "array"), (.object, "object"): true
        default: false
        }
    }

    private static func typeName(_ value: JSONNode.Value) -> String {
        ["null", "boolean", "integer", "number", "string", "array", "object"].first { has(value, type: $0) } ?? "?"
    }

    private static func number(_ value: Any) -> Double? {
        switch value {
        case let value as JSONNode.Value:
            switch value {
            case .integer(let number): Double(number)
            case .number(let text): Double(text)
            default: nil
            }
        case let value as Int: Double(value)
        case let value as Double: value
        default: nil
        }
    }

    /// Whether a JSON value equals a value read from the YAML or JSON of a schema.
    private static func equal(_ value: JSONNode.Value, _ other: Any) -> Bool {
        switch value {
        case .null: return other is NSNull || (other as Any?) == nil
        case .bool(let flag): return (other as? Bool) == flag
        case .integer(let number): return !(other is Bool) && (other as? Int).map(Int64.init) == number
        case .number(let text): return (other as? Double) == Double(text)
        case .string(let text): return (other as? String) == text
        case .array(let items):
            guard let others = other as? [Any], others.count == items.count else { return false }
            return zip(items, others).allSatisfy { equal($0.value, $1) }
        case .object(let members):
            guard let others = other as? [String: Any], others.count == members.count else { return false }
            return members.allSatisfy { member in others[member.key].map { equal(member.value.value, $0) } ?? false }
        }
    }
}
