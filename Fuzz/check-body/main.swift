// libFuzzer target `check-body`: one input is one `POST /v1/check` body. It is mapped by
// `CheckRequestBody(mapping:)` (the pure half of the route, without HTTP types), built into a
// request against the shipped policy and decided, as the route does; every refusal must be
// one of the body's clean errors (a problem naming a field has a non-empty message).
// Build and run: scripts/fuzz.sh check-body SECONDS.
import Foundation
import ToolPolicy

/// The shipped policy (Rules/, the default profile), loaded once.
let shipped: Policy = {
    let folder = ProcessInfo.processInfo.environment["TOOLPOLICY_FUZZ_RULES"] ?? "Rules"
    guard let policy = PolicyLoader.load(at: folder).policy else { fatalError("\(folder) does not load: run from the repository root") }
    return policy
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let body = try CheckRequestBody(mapping: bytes)
        let decision = shipped.decide(try body.useRequest(in: shipped))
        _ = decision.verdict
    } catch {
        switch error {
        case .malformed(let syntax): precondition(syntax.line >= 1 && syntax.column >= 1)
        case .invalid(_, let message): precondition(!message.isEmpty)
        case .invalidFacts(let errors): precondition(!errors.isEmpty)
        case .nearMiss(let tool, let candidates): precondition(!candidates.isEmpty && shipped.tool(named: tool) == nil)
        }
    }
    return 0
}
