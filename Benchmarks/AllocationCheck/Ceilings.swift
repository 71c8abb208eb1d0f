import Foundation

/// The most heap allocations each path may make in one pass over its request space
/// (`ceilings.json` beside this file): the thresholds the check holds the evaluator to.
/// A key is `<path>.<space>`, e.g. `decide.shipped`; a path with no key is measured for
/// comparison only.
struct Ceilings: Decodable {
    /// The ceiling of each thresholded path, in mallocs per pass.
    let ceilings: [String: Int]

    /// The file read by default: `ceilings.json` in this target's folder.
    static let defaultPath: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return (parts + ["ceilings.json"]).joined(separator: "/")
    }()

    /// Reads the ceilings, or says why they cannot be read.
    static func load(from path: String) -> Result<Ceilings, CeilingsError> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(CeilingsError(path: path, reason: "cannot be read")) }
        do {
            return .success(try JSONDecoder().decode(Ceilings.self, from: data))
        } catch {
            return .failure(CeilingsError(path: path, reason: "is not a JSON object with a \"ceilings\" object of whole numbers (\(error))"))
        }
    }
}

/// `ceilings.json` is missing or malformed.
struct CeilingsError: Error {
    /// The file.
    let path: String
    /// What is wrong with it.
    let reason: String
}
