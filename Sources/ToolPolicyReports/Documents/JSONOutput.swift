package import Foundation

/// The JSON encoder every output uses: sorted keys, so output is deterministic.
package enum JSONOutput {
    /// An encoder with sorted keys and unescaped slashes, pretty-printed or compact.
    package static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes a value to a string.
    package static func string(_ value: some Encodable, pretty: Bool = true) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}
