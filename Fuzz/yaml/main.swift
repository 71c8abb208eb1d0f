// libFuzzer target `yaml`: one input is one YAML list of uses, as `toolpolicy lint
// liste.yaml` reads it (Yams, then `YAMLUseList`, moved out of ListFile for this). The
// entries are linted row by row (`LintPipeline` + the JSON report) and the report must be JSON
// that `JSONReader` reads. libyaml (Yams' C part) is instrumented too.
// Build and run: scripts/fuzz.sh yaml SECONDS.
import Foundation
import ToolPolicy
import ToolPolicyReports

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    lintReport(.read { () throws(ListReadError) in try YAMLUseList.entries(from: bytes) })
    return 0
}
