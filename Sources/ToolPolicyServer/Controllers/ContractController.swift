import Hummingbird
import HTTPTypes
import NIOCore

/// `GET /openapi.yaml` and `GET /schemas/NAME.schema.json`: the HTTP contract, the bytes of
/// ``ContractFile/all``.
struct ContractController<Context: RequestContext> {
    func add(to router: Router<Context>) {
        for file in ContractFile.all {
            router.get(RouterPath(String(file.path.dropFirst()))) { _, _ in
                Response(status: .ok, headers: [.contentType: file.mediaType],
                         body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
            }
        }
    }
}
