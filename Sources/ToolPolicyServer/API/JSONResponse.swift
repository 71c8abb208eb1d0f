import Foundation
import Hummingbird
import HTTPTypes
import ToolPolicyReports

/// Responses in the shapes the API uses: JSON with sorted keys (as the CLI writes it), text.
enum JSONResponse {
    /// `value` as compact JSON with sorted keys.
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = bytes(Array(try JSONOutput.encoder(pretty: false).encode(value)))
        response.status = status
        return response
    }

    /// A JSON body already encoded.
    static func bytes(_ body: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Plain UTF-8 text.
    static func text(_ text: String, type: String = "text/plain; charset=utf-8") -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
