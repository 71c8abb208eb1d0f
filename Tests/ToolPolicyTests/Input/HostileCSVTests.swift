import Foundation
import Testing
@testable import ToolPolicy

/// CSV input that is broken or hostile: encodings, size caps, columns that would lose a
/// cell. The file reader is checked with one-byte chunks too, so that every state is
/// crossed by a chunk boundary.
@Suite struct HostileCSVTests {
    private static let small = CSVLimits(maximumCellBytes: 8, maximumRecordBytes: 32)

    private func readMemory(_ bytes: [UInt8], limits: CSVLimits = .standard) -> (records: [CSVRecord], error: CSVError?) {
        var reader = CSVReader(data: bytes, limits: limits)
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch {
            return (records, error)
        }
        return (records, nil)
    }

    private func readFile(_ bytes: [UInt8], chunkSize: Int, limits: CSVLimits = .standard) throws -> (records: [CSVRecord], error: CSVError?) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try CSVFileReader(path: url.path, chunkSize: chunkSize, limits: limits)
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch {
            return (records, error)
        }
        return (records, nil)
    }

    /// Memory and file readers (one-byte and large chunks) agree; returns the memory result.
    private func readEverywhere(_ bytes: [UInt8], limits: CSVLimits = .standard) throws -> (records: [CSVRecord], error: CSVError?) {
        let memory = readMemory(bytes, limits: limits)
        for chunkSize in [1, 3, 1 << 20] {
            let file = try readFile(bytes, chunkSize: chunkSize, limits: limits)
            #expect(file.records == memory.records, "chunk size \(chunkSize)")
            #expect(file.error == memory.error, "chunk size \(chunkSize)")
        }
        return memory
    }

    // MARK: Encodings

    @Test(arguments: [(true, false), (true, true), (false, false), (false, true)])
    func utf16IsTranscoded(bigEndian: Bool, byteOrderMark: Bool) throws {
        let text = (byteOrderMark ? "\u{FEFF}" : "") + "tool;computer\r\nZoom;pédagogique\r\n\"Ma classe\n😀\";web\r\n"
        let bytes = Array(text.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian)!)
        #expect(SourceEncoding.recognise(bytes) == .utf16(bigEndian: bigEndian, byteOrderMark: byteOrderMark))
        let result = try readEverywhere(bytes)
        #expect(result.error == nil)
        #expect(result.records.map(\.fields) == [["tool", "computer"], ["Zoom", "pédagogique"], ["Ma classe\n😀", "web"]])
        #expect(result.records.map(\.line) == [1, 2, 3])
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a;b\nz".utf16LittleEndianBytes) + [0x00, 0xD8] + Array(";x\n".utf16LittleEndianBytes) + [0x00, 0xDC]
        let result = try readEverywhere(bytes)
        #expect(result.records.map(\.fields) == [["a", "b"], ["z\u{FFFD}", "x"], ["\u{FFFD}"]])
    }

    @Test func nulBytesOnBothSidesAreNotUTF16() {
        #expect(SourceEncoding.recognise([UInt8](repeating: 0, count: 600)) == .utf8(byteOrderMark: false))
        #expect(SourceEncoding.recognise(Array("tool;mode\nzo\u{0}om;web\n".utf8)) == .utf8(byteOrderMark: false))
    }

    @Test func utf32IsRefusedByName() throws {
        let bytes = Array("\u{FEFF}tool\n".data(using: .utf32LittleEndian)!)
        let result = try readEverywhere(bytes)
        #expect(result.records.isEmpty)
        #expect(result.error?.kind == .unsupportedEncoding("UTF-32"))
    }

    // MARK: Size caps

    @Test func anOversizedCellMarksItsRowAndReadingGoesOn() throws {
        let result = try readEverywhere(Array("a;b\nshort;\"123456789\"\nnext;ok\n".utf8), limits: Self.small)
        #expect(result.error == nil)
        #expect(result.records.map(\.fields) == [["a", "b"], ["short", ""], ["next", "ok"]])
        #expect(result.records.map(\.oversizedFields) == [[], [1], []])
    }

    @Test func aCellAtTheCapIsKept() throws {
        let result = try readEverywhere(Array("a;b\n12345678;x\n".utf8), limits: Self.small)
        #expect(result.records.map(\.oversizedFields) == [[], []])
        #expect(result.records.last?.fields == ["12345678", "x"])
    }

    @Test func anOversizedRecordStopsReadingAtItsLine() throws {
        let long = String(repeating: "a;", count: 20)
        let result = try readEverywhere(Array("a;b\nx;y\n\(long)\nz;w\n".utf8), limits: Self.small)
        #expect(result.records.map(\.fields) == [["a", "b"], ["x", "y"]])
        #expect(result.error?.kind == .recordTooLong(limit: 32))
        #expect(result.error?.line == 3)
    }

    @Test func anOpenQuoteFullOfLineBreaksStopsAtTheRecordCap() throws {
        let result = try readEverywhere(Array(("a\n\"" + String(repeating: "\n", count: 100)).utf8), limits: Self.small)
        #expect(result.error?.kind == .recordTooLong(limit: 32))
        #expect(result.error?.line == 2)
    }

    @Test func devZeroStopsWithTheRecordCap() throws {
        var reader = try CSVFileReader(path: "/dev/zero", limits: Self.small)
        #expect(throws: CSVError(kind: .recordTooLong(limit: 32), line: 1, text: LocalizedText(
            fr: "la ligne qui commence à la ligne 1 du fichier dépasse 32 octets", en: "the row starting on line 1 is longer than 32 bytes"
        ))) {
            _ = try reader.next()
        }
        #expect(try reader.next() == nil)
    }

    // MARK: Columns

    @Test func aColumnNamedTwiceRefusesTheList() {
        let header = CSVRecord(fields: ["tool", "Mode", "computer", "mode"], line: 1)
        #expect(throws: CSVError(kind: .duplicateColumn(first: "Mode", second: "mode"), line: 1, text: LocalizedText(
            fr: "les colonnes 2 « Mode » et 4 « mode » désignent la même colonne", en: "columns 2 `Mode` and 4 `mode` name the same column"
        ))) {
            _ = try CSVUseList(header: header)
        }
    }

    @Test func cellsPastTheHeaderOrUnderNoNameMakeTheRowMalformed() throws {
        let list = try CSVUseList(header: CSVRecord(fields: ["tool", "", "mode"], line: 1))
        let entry = list.entry(CSVRecord(fields: ["zoom", "note", "web", "", "install"], line: 4), row: 3)
        #expect(entry.cells.map(\.column) == ["tool", "mode"])
        #expect(entry.problems.map(\.column) == ["#2", "#5"])
        #expect(entry.problems.map(\.message) == ["cell 2 `note` is under a column with no name", "cell 5 `install` is past the header's 3 columns"])
        let tidy = list.entry(CSVRecord(fields: ["zoom", "", "web", "", ""], line: 5), row: 4)
        #expect(tidy.problems.isEmpty, "empty trailing cells lose nothing")
    }

    // MARK: Invalid UTF-8

    @Test func theFirstInvalidByteIsLocatedInCharacters() {
        let bytes = Array("policy \"t\"\n# é, ".utf8) + [0xE9] + Array(" x\n".utf8)
        #expect(InvalidUTF8.find(in: bytes) == InvalidUTF8(offset: bytes.firstIndex(of: 0xE9)!, byte: 0xE9, line: 2, column: 6))
        #expect(InvalidUTF8.find(in: Array("ok\n😀".utf8)) == nil)
        #expect(InvalidUTF8.find(in: [0x61, 0xED, 0xA0, 0x80])?.column == 2, "an encoded surrogate is not UTF-8")
    }
}

private extension String {
    var utf16LittleEndianBytes: [UInt8] { utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
}
