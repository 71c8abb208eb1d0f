import NIOCore
import NIOHTTPTypes

/// Holds back a close until the response parts already written have reached the socket.
///
/// On SIGTERM, Hummingbird closes a connection right after writing the last part of its
/// response, and NIO drops writes still queued when a channel closes: a large response to
/// a slow client was cut short. This handler sits between the HTTP codec and Hummingbird's
/// connection handler, counts the writes not yet done, and closes once they are. A second
/// close (the shutdown grace is over) closes at once.
final class FlushBeforeCloseHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var pendingWrites = 0
    private var closeHeld = false
    private var heldPromise: EventLoopPromise<Void>?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let done = promise ?? context.eventLoop.makePromise()
        pendingWrites += 1
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        done.futureResult.assumeIsolated().whenComplete { _ in
            self.pendingWrites -= 1
            if self.pendingWrites == 0, self.closeHeld { self.closeNow(loopBound.value, mode: .all, promise: nil) }
        }
        context.write(data, promise: done)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        if mode == .all, pendingWrites > 0, !closeHeld {
            closeHeld = true
            heldPromise = promise
            context.flush()
            return
        }
        closeNow(context, mode: mode, promise: promise)
    }

    private func closeNow(_ context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        let held = heldPromise
        closeHeld = false
        heldPromise = nil
        guard let held else { return context.close(mode: mode, promise: promise) }
        let own = promise ?? context.eventLoop.makePromise()
        own.futureResult.cascade(to: held)
        context.close(mode: mode, promise: own)
    }
}
