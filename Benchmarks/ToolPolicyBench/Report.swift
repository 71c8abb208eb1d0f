import Foundation

/// The machine and the conditions of the run.
struct Machine: Encodable {
    var cpu: String
    var nproc: Int
    var kernel: String
    var swift: String
    var build: String
    var date: String
    var loadavgStart: String
    var loadavgEnd: String = ""

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return Machine(
            cpu: model, nproc: ProcessInfo.processInfo.activeProcessorCount,
            kernel: read("/proc/sys/kernel/osrelease"), swift: swiftVersion(), build: build,
            date: ISO8601DateFormatter().string(from: Date()), loadavgStart: loadavg()
        )
    }

    static func loadavg() -> String { read("/proc/loadavg") }

    private static func read(_ path: String) -> String {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first line of `swift --version`, if a toolchain is on PATH (before timing starts).
    private static func swiftVersion() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n").first.map(String.init) ?? "unknown"
    }
}

/// `bench-out/results.json`.
struct Results: Encodable {
    struct Row: Encodable {
        var key: String
        var name: String
        var policy: String
        var explains: String
        var covers: String
        var decisions: Int
        var repeats: Int
        var nsPerDecisionMedian: Double
        var nsPerDecisionMin: Double
        var cpuNsPerDecisionMedian: Double
        var decisionsPerSecondMedian: Double
        var cpuOverWall: Double
        var wallNs: [Double]
        var allowed: Int
        var failures: [String]
    }

    struct Setup: Encodable {
        var policy: String
        var runs: Int
        var loadMsMedian: Double
        var loadMsMin: Double
        var memoryLoadMsMedian: Double
        var firstDecisionUsMedian: Double
        var coldLoadMs: Double
        var coldFirstDecisionUs: Double
    }

    var tool = "ToolPolicyBench"
    var machine: Machine
    var peers: [String: String]
    var shipped: [String: String]
    var setup: [Setup]
    var rows: [Row]
    var ok: Bool

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: url)
    }
}

enum Format {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let digits = String(Int(value.rounded()))
        var out = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// A markdown table, columns padded so it also reads well in a terminal.
    static func table(header: [String], rightAligned: Set<Int>, rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { pad($0.element, widths[$0.offset], right: rightAligned.contains($0.offset)) }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.enumerated().map { String(repeating: "-", count: $0.element + 1) + (rightAligned.contains($0.offset) ? ":" : "-") }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
