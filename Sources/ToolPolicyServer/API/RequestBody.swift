import Foundation
import HTTPTypes
import Hummingbird

/// Reading a request body: its media type checked first, its size capped.
enum RequestBody {
    /// `application/json`.
    static let json = "application/json"
    /// `text/csv`.
    static let csv = "text/csv"
    /// `application/x-www-form-urlencoded`, what an HTML form posts.
    static let form = "application/x-www-form-urlencoded"

    /// The media type of the body, lowercased, without parameters (`text/csv`).
    static func mediaType(of request: Request) -> String? {
        guard let value = request.headers[.contentType] else { return nil }
        if value == json || value == csv || value == form { return value }
        let type = value.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return type?.isEmpty == false ? type : nil
    }

    /// The media type, which must be one of `accepted`; also accepts `+json` suffixes for JSON.
    ///
    /// - Throws: ``APIError`` 415 otherwise.
    static func requireMediaType(of request: Request, in accepted: [String]) throws(APIError) -> String {
        let type = mediaType(of: request)
        if let type, accepted.contains(type) { return type }
        if let type, accepted.contains(json), type.hasPrefix("application/"), type.hasSuffix("+json") { return json }
        throw APIError.unsupportedMediaType(request.headers[.contentType], accepted: accepted)
    }

    /// The whole body, at most `limit` bytes.
    ///
    /// - Throws: ``APIError`` 413 when it is larger (known from `Content-Length` before reading).
    static func bytes(of request: Request, limit: Int) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge(limit: limit)
        }
    }
}
