/// A string as a JSON string literal, for the list reports that write JSON by hand once
/// per row (SARIF, GitLab): the bytes `JSONOutput`'s encoder gives, without an encoder
/// per call.
package enum JSONText {
    /// `text` quoted and escaped.
    package static func quoted(_ text: String) -> String {
        var json = JSONWriter(capacity: text.utf8.count + 8)
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
