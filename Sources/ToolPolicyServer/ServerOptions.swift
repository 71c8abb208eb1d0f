/// How `toolpolicy serve` is set up.
package struct ServerOptions: Sendable {
    package var host = "127.0.0.1"
}
