import Foundation
import MallocInterposerSwift

/// Loading ordo-one/malloc-interposer: it counts only when its library is loaded before
/// `main` (`LD_PRELOAD` on Linux, `DYLD_INSERT_LIBRARIES` on macOS).
enum Interposer {
    /// The variable that loads a library first, and the interposer's file name.
    #if os(macOS)
    static let preloadVariable = "DYLD_INSERT_LIBRARIES"
    static let library = "libMallocInterposerSwift.dylib"
    #else
    static let preloadVariable = "LD_PRELOAD"
    static let library = "libMallocInterposerSwift.so"
    #endif

    /// Returns when allocations are counted; otherwise re-executes this program with the
    /// interposer (built beside it) preloaded, or exits 2 when that was already tried.
    static func ensureLoaded() {
        MallocInterposerSwift.initialize()
        if counts() { return }
        let environment = ProcessInfo.processInfo.environment
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let library = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(Self.library).path
        guard environment[preloadVariable]?.contains(Self.library) != true, FileManager.default.fileExists(atPath: library) else {
            AllocationCheck.fail(
                "allocations are not counted: the interposer is not loaded (\(preloadVariable)=\(environment[preloadVariable] ?? ""))",
                hint: "build with `swift build -c release --product AllocationCheck`, which puts \(Self.library) beside the program"
            )
        }
        setenv(preloadVariable, [library, environment[preloadVariable]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ":"), 1)
        let arguments = [executable] + CommandLine.arguments.dropFirst()
        var pointers = arguments.map { strdup($0) } + [nil]
        execv(executable, &pointers)
        AllocationCheck.fail("cannot re-execute \(executable) with \(preloadVariable): errno \(errno)", hint: "run it as \(preloadVariable)=\(library) \(executable)")
    }

    /// Whether an allocation made now is counted.
    private static func counts() -> Bool {
        MallocInterposerSwift.reset()
        MallocInterposerSwift.hook()
        let buffer = allocate()
        MallocInterposerSwift.unhook()
        buffer.deallocate()
        let counted = MallocInterposerSwift.getStatistics().mallocCount > 0
        MallocInterposerSwift.reset()
        return counted
    }

    @inline(never) private static func allocate() -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
    }
}
