// libFuzzer target `json`: one input is one JSON document. `JSONReader` (the strict reader
// behind /v1/check, /v1/lint and `toolpolicy lint`) reads it; a syntax error must point at
// a real place (line ≥ 1 and within the input, column ≥ 1). Then it is read as a JSON list
// of uses and linted row by row (`LintPipeline` + the JSON report, as `POST /v1/lint` does), and
// the report must be JSON that `JSONReader` reads.
// Build and run: scripts/fuzz.sh json SECONDS.
import Foundation
import ToolPolicy
import ToolPolicyReports

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let node = try JSONReader.read(bytes)
        precondition(node.line >= 1, "a node on line \(node.line)")
    } catch {
        let lines = bytes.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        precondition(error.line >= 1 && error.line <= lines && error.column >= 1, "error placed at \(error.line):\(error.column) in \(lines) lines")
    }
    lintReport(.json(bytes))
    return 0
}
