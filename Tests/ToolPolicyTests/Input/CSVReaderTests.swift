import Foundation
import Testing
@testable import ToolPolicy

@Suite struct CSVReaderTests {
    /// Every record of an in-memory reader, and the error that stopped it, if any.
    private func readAll(_ bytes: [UInt8], separator: CSVSeparator? = nil) -> (records: [CSVRecord], error: CSVError?) {
        var reader = CSVReader(data: bytes, separator: separator)
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch {
            return (records, error)
        }
        return (records, nil)
    }

    private func readAll(_ text: String) -> (records: [CSVRecord], error: CSVError?) {
        readAll(Array(text.utf8))
    }

    /// Every record of a file reader over `bytes` written to a temporary file.
    private func readFile(_ bytes: [UInt8], chunkSize: Int) throws -> (records: [CSVRecord], error: CSVError?, separator: CSVSeparator) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try CSVFileReader(path: url.path, chunkSize: chunkSize)
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch {
            return (records, error, reader.separator)
        }
        return (records, nil, reader.separator)
    }

    private func fields(_ records: [CSVRecord]) -> [[String]] { records.map(\.fields) }
    private func lines(_ records: [CSVRecord]) -> [Int] { records.map(\.line) }

    // MARK: Separators

    @Test func semicolonSeparatedFile() {
        let reader = CSVReader(data: Array("nom;éditeur;âge\nPronote;Index Éducation;12\n".utf8))
        #expect(reader.separator == .semicolon)
        let result = readAll("nom;éditeur;âge\nPronote;Index Éducation;12\n")
        #expect(fields(result.records) == [["nom", "éditeur", "âge"], ["Pronote", "Index Éducation", "12"]])
        #expect(result.error == nil)
    }

    @Test func commaSeparatedFile() {
        let result = readAll("name,vendor\nPadlet,Wallwisher\n")
        #expect(CSVReader(data: Array("name,vendor\n".utf8)).separator == .comma)
        #expect(fields(result.records) == [["name", "vendor"], ["Padlet", "Wallwisher"]])
    }

    @Test func tabSeparatedFile() {
        #expect(CSVReader(data: Array("a\tb\tc\n1\t2\t3\n".utf8)).separator == .tab)
        #expect(fields(readAll("a\tb\tc\n1\t2\t3\n").records) == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func separatorDetection() {
        #expect(CSVReader.detectSeparator(headerBytes: Array("a;b,c".utf8)) == .semicolon)
        #expect(CSVReader.detectSeparator(headerBytes: Array("a;b;c,d,e,f".utf8)) == .comma)
        #expect(CSVReader.detectSeparator(headerBytes: Array("\"a;b;c\",d,e".utf8)) == .comma)
        #expect(CSVReader.detectSeparator(headerBytes: Array("a,b\nc;d;e;f".utf8)) == .comma)
        #expect(CSVReader.detectSeparator(headerBytes: Array("\r\n\na,b;c;d".utf8)) == .semicolon)
        #expect(CSVReader.detectSeparator(headerBytes: Array("single".utf8)) == .semicolon)
    }

    @Test func explicitSeparatorOverridesDetection() {
        let result = readAll(Array("a;b,c\n".utf8), separator: .comma)
        #expect(fields(result.records) == [["a;b", "c"]])
    }

    // MARK: Structure

    @Test func byteOrderMarkIsStripped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("nom;classe\nx;y\n".utf8)
        let reader = CSVReader(data: bytes)
        #expect(reader.separator == .semicolon)
        let result = readAll(bytes)
        #expect(fields(result.records) == [["nom", "classe"], ["x", "y"]])
        #expect(lines(result.records) == [1, 2])
    }

    @Test func lineEndingsCRLFLoneCRAndLF() {
        let result = readAll("a;b\r\nc;d\re;f\ng;h")
        #expect(fields(result.records) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(lines(result.records) == [1, 2, 3, 4])
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() {
        let text = "h1;h2;h3\n\"a;b\";\"say \"\"hi\"\"\";x\n\"line1\r\nline2\nline3\";y;z\nlast;\"\";\" padded \"\n"
        let result = readAll(text)
        #expect(fields(result.records) == [
            ["h1", "h2", "h3"],
            ["a;b", "say \"hi\"", "x"],
            ["line1\r\nline2\nline3", "y", "z"],
            ["last", "", " padded "],
        ])
        #expect(lines(result.records) == [1, 2, 3, 6])
        #expect(result.error == nil)
    }

    @Test func unquotedFieldsAreTrimmedAndEmptyFieldsKept() {
        let result = readAll("  a  ; b ;;\n\"q\"  ; x\"y ;\n")
        #expect(fields(result.records) == [["a", "b", "", ""], ["q", "x\"y", ""]])
    }

    @Test func emptyLinesAreSkippedWithExactNumbering() {
        let result = readAll("\n\r\nh;i\n\n\r\n\rj;k\r\n\r\n\"m\nn\";o\n\n")
        #expect(fields(result.records) == [["h", "i"], ["j", "k"], ["m\nn", "o"]])
        #expect(lines(result.records) == [3, 7, 9])
    }

    @Test func lastRecordWithoutLineBreak() {
        #expect(fields(readAll("a;b\nc;\"d\"").records) == [["a", "b"], ["c", "d"]])
        #expect(fields(readAll("a;b\nc;").records) == [["a", "b"], ["c", ""]])
    }

    @Test func emptyInputHasNoRecords() {
        #expect(readAll("").records.isEmpty)
        #expect(readAll("\n\r\n").records.isEmpty)
        #expect(readAll([0xEF, 0xBB, 0xBF]).records.isEmpty)
    }

    // MARK: Encodings

    @Test func windows1252RecordNextToUTF8Record() {
        // "Équipe;élèves" in Windows-1252, then "Équipe;élèves" in UTF-8.
        let cp1252: [UInt8] = [0xC9, 0x71, 0x75, 0x69, 0x70, 0x65, 0x3B, 0xE9, 0x6C, 0xE8, 0x76, 0x65, 0x73, 0x0A]
        let bytes = cp1252 + Array("Équipe;élèves\n".utf8)
        let result = readAll(bytes)
        #expect(result.records == [
            CSVRecord(fields: ["Équipe", "élèves"], line: 1, encoding: .windows1252),
            CSVRecord(fields: ["Équipe", "élèves"], line: 2, encoding: .utf8),
        ])
    }

    @Test func windows1252SpecialRange() {
        let bytes: [UInt8] = [0x80, 0x3B, 0x8C, 0x9C, 0x3B, 0x93, 0x6F, 0x6B, 0x94, 0x3B, 0x96, 0x3B, 0x81, 0x9D, 0x3B, 0xA0, 0xFF, 0x0A]
        let result = readAll(bytes)
        #expect(result.records == [
            CSVRecord(fields: ["€", "Œœ", "“ok”", "–", "\u{81}\u{9D}", "\u{A0}ÿ"], line: 1, encoding: .windows1252),
        ])
    }

    @Test func fullWindows1252TableIsOneScalarPerByte() throws {
        let record = try #require(readAll((0x80 ... 0xFF).map { UInt8($0) }).records.first)
        #expect(record.encoding == .windows1252)
        let text = try #require(record.fields.first)
        #expect(text.unicodeScalars.count == 128)
        #expect(String(text.unicodeScalars.prefix(32)) == "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ")
        #expect(text.unicodeScalars.dropFirst(32).map(\.value) == Array(0xA0 ... 0xFF))
    }

    @Test func malformedUTF8FallsBackToWindows1252() {
        let cases: [(bytes: [UInt8], expected: String, encoding: CSVEncoding)] = [
            ([0xF0, 0x9F, 0x98, 0x80], "😀", .utf8),
            ([0xEF, 0xBF, 0xBD], "\u{FFFD}", .utf8),
            ([0xC0, 0x80], "À€", .windows1252),
            ([0xED, 0xA0, 0x80], "í\u{A0}€", .windows1252),
            ([0xF4, 0x90, 0x80, 0x80], "ô\u{90}€€", .windows1252),
            ([0xC3], "Ã", .windows1252),
        ]
        for (bytes, expected, encoding) in cases {
            #expect(readAll(bytes + [0x3B, 0x78]).records == [CSVRecord(fields: [expected, "x"], line: 1, encoding: encoding)])
        }
    }

    @Test func utf8SequenceSplitBySeparatorIsNotUTF8() {
        // 0xC3 ; 0xA9 is valid UTF-8 only if the separator is ignored.
        let result = readAll([0xC3, 0x3B, 0xA9, 0x0A])
        #expect(result.records == [CSVRecord(fields: ["Ã", "©"], line: 1, encoding: .windows1252)])
    }

    // MARK: Errors

    @Test func unterminatedQuoteKeepsEarlierRecords() throws {
        var reader = CSVReader(data: Array("a;b\nc;d\n\ne;\"open\nstill open;x\n".utf8))
        var records: [CSVRecord] = []
        #expect(throws: CSVError(
            kind: .unterminatedQuote, line: 4, text: LocalizedText(
                fr: "la cellule entre guillemets commencée à la ligne 4 n'est jamais fermée", en: "quoted field starting on line 4 is never closed"
            )
        )) {
            while let record = try reader.next() { records.append(record) }
        }
        #expect(fields(records) == [["a", "b"], ["c", "d"]])
        #expect(try reader.next() == nil)
    }

    @Test func missingFileIsUnreadable() {
        let path = "/nonexistent/tools.csv"
        #expect {
            _ = try CSVFileReader(path: path)
        } throws: { error in
            (error as? CSVError)?.kind == .unreadableFile(path)
        }
    }

    // MARK: Streaming

    /// A fixture with CRLF, quoted separators, quotes and line breaks, empty lines, a BOM and
    /// a Windows-1252 record, long enough to span many small chunks.
    private static let streamingFixture: [UInt8] = {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("nom;éditeur;usage\r\n".utf8)
        bytes += Array("Pronote;\"Index; Éducation\";vie scolaire\r\n".utf8)
        bytes += Array("\r\n\"multi\r\nline \"\"quoted\"\" value\";x;y\r\n".utf8)
        bytes += [0xC9, 0x71, 0x75, 0x69, 0x70, 0x65, 0x3B, 0x80, 0x3B, 0xE9, 0x0D, 0x0A]
        for index in 0 ..< 40 {
            bytes += Array("outil \(index);  éditeur \(index) ;\"note \(index)\nsuite\"\r\n".utf8)
        }
        bytes += Array("fin;sans;saut".utf8)
        return bytes
    }()

    @Test func fileReaderMatchesInMemoryReaderWithSevenByteChunks() throws {
        let bytes = Self.streamingFixture
        // The fixture really does split a CRLF and a quoted field across 7-byte chunks.
        let crlfSplits = bytes.indices.dropLast().filter { bytes[$0] == 0x0D && bytes[$0 + 1] == 0x0A && ($0 + 1) % 7 == 0 }
        #expect(!crlfSplits.isEmpty)
        let expected = readAll(bytes)
        #expect(expected.error == nil)
        #expect(expected.records.count == 45)
        #expect(expected.records[3] == CSVRecord(fields: ["Équipe", "€", "é"], line: 6, encoding: .windows1252))
        let streamed = try readFile(bytes, chunkSize: 7)
        #expect(streamed.records == expected.records)
        #expect(streamed.error == nil)
        #expect(streamed.separator == .semicolon)
    }

    @Test func fileReaderMatchesInMemoryReaderForEveryChunkSize() throws {
        let bytes = Self.streamingFixture
        let expected = readAll(bytes).records
        for chunkSize in 1 ... 64 {
            let streamed = try readFile(bytes, chunkSize: chunkSize)
            #expect(streamed.records == expected, "chunk size \(chunkSize)")
            #expect(streamed.error == nil)
        }
        #expect(try readFile(bytes, chunkSize: CSVFileReader.defaultChunkSize).records == expected)
    }

    @Test func fileReaderDetectsSeparatorFromHeaderSpanningChunks() throws {
        let bytes = Array("\n\nalpha,beta,gamma;delta,epsilon\n1,2,3,4\n".utf8)
        let streamed = try readFile(bytes, chunkSize: 3)
        #expect(streamed.separator == .comma)
        #expect(streamed.records == readAll(bytes).records)
    }

    @Test func fileReaderReportsUnterminatedQuoteAfterEarlierRecords() throws {
        let bytes = Array("a,b\nc,d\n\"never closed,\ne,f\n".utf8)
        let streamed = try readFile(bytes, chunkSize: 5)
        #expect(fields(streamed.records) == [["a", "b"], ["c", "d"]])
        #expect(streamed.error?.kind == .unterminatedQuote)
        #expect(streamed.error?.line == 3)
    }

    // MARK: Skipped columns and repeated records

    /// A skipped field is handed over empty; a record that repeats an earlier one in its
    /// other fields gets the same text back (from the decoded-record cache) with its own
    /// line, whatever its skipped field holds; fields that differ only where one field
    /// ends and the next starts are not taken for each other.
    @Test func skippedFieldsAreEmptyAndRepeatedRecordsReadTheSame() throws {
        let text = "zoom;web;note 1\nzoom;web;note 2\n\"zoo\";mweb;x\nzoom;web;x\nzoo;mweb;\"é, \"\"quoted\"\"\"\nzoom;web;y\n"
        var reader = CSVReader(data: Array(text.utf8), separator: .semicolon)
        reader.skipText(of: [false, false, true])
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(fields(records) == [["zoom", "web", ""], ["zoom", "web", ""], ["zoo", "mweb", ""], ["zoom", "web", ""], ["zoo", "mweb", ""], ["zoom", "web", ""]])
        #expect(lines(records) == [1, 2, 3, 4, 5, 6])
        #expect(records.allSatisfy { $0.encoding == .utf8 })

        // Without skipping, every field is read, repeated or not.
        let all = readAll(text)
        #expect(all.error == nil)
        #expect(fields(all.records).map { $0[2] } == ["note 1", "note 2", "x", "x", "é, \"quoted\"", "y"])
    }
}
