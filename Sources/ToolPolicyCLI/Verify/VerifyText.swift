import ToolPolicy

/// `verify`'s text output: one diagnostic-style block per finding, then a summary line.
enum VerifyText {
    static func render(_ reports: [VerifyReport]) -> String {
        var out = ""
        for report in reports {
            for finding in report.findings {
                let start = finding.range.start
                let level = finding.kind.isError ? "error" : "warning"
                out += "\(start.file):\(start.line):\(start.column): \(level)[\(finding.kind.rawValue)]: profile \(report.profile): \(finding.message)\n"
                if let witness = finding.witness { out += "  = witness: \(witness.text)\n" }
                if !finding.related.isEmpty { out += "  = decided by: \(finding.related.joined(separator: ", "))\n" }
                for condition in finding.conditions { out += "  = when: \(condition)\n" }
            }
            let errors = report.findings.filter(\.kind.isError).count
            out += "profile \(report.profile): \(errors) error(s), \(report.findings.count - errors) warning(s)\n"
        }
        return out
    }
}
