/// Whole-buffer recoding for lists read at once (JSON, YAML): UTF-16 becomes UTF-8.
package enum UTF16Text {
    /// `bytes` as UTF-8: transcoded when they are UTF-16 (a byte order mark, or the NUL
    /// pattern of ``SourceEncoding/recognise(_:)``), else unchanged.
    package static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        let encoding = SourceEncoding.recognise(bytes)
        guard case .utf16 = encoding else { return bytes }
        var transcoder = UTF16Transcoder(encoding: encoding)
        var output: [UInt8] = []
        transcoder.transcode(bytes.dropFirst(encoding.byteOrderMarkLength), into: &output)
        transcoder.finish(into: &output)
        return output
    }
}
