// libFuzzer target `csv`: one input is one CSV list, as a school exports it from Excel
// (UTF-8 with or without BOM, or Windows-1252; `;`, `,` or tab detected). The streamed file
// reader (`CSVFileReader`, over a temporary file, in small chunks so that records straddle
// chunk boundaries) must give exactly the records of the in-memory reader (`CSVReader`), as
// its documentation promises; then the list is linted row by row (`LintPipeline` + the JSON
// report, as `POST /v1/lint` does) and the report must be JSON that `JSONReader` reads.
// Build and run: scripts/fuzz.sh csv SECONDS.
import Foundation
import ToolPolicy
import ToolPolicyReports

/// This process's scratch file, rewritten for every input.
let scratch = NSTemporaryDirectory() + "toolpolicy-fuzz-csv-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    var memory = CSVReader(data: bytes)
    let inMemory = Result { () throws(CSVError) in try all(&memory) }
    guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else { fatalError("cannot write \(scratch)") }
    let chunkSize = 1 + size % 13
    let streamed = Result { () throws(CSVError) in
        var file = try CSVFileReader(path: scratch, chunkSize: chunkSize)
        var records: [CSVRecord] = []
        while let record = try file.next() { records.append(record) }
        return records
    }
    switch (inMemory, streamed) {
    case (.success(let a), .success(let b)) where a == b: break
    case (.failure(let a), .failure(let b)) where a.line == b.line && a.message == b.message: break
    default: fatalError("CSVFileReader (chunks of \(chunkSize)) and CSVReader disagree: \(inMemory) vs \(streamed)")
    }

    lintReport(.csv(bytes))
    return 0
}

private func all(_ reader: inout CSVReader) throws(CSVError) -> [CSVRecord] {
    var records: [CSVRecord] = []
    while let record = try reader.next() { records.append(record) }
    return records
}
