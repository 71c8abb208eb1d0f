import Foundation

/// What the reading thread hands the checking thread: the columns, rows in batches, the end.
enum ListBatch: Sendable {
    /// The list's column names, first.
    case columns([String])
    /// Rows, in list order.
    case rows([UseListEntry])
    /// The end of the list, with the error that stopped the reading, if any.
    case end(ListReadError?)
}

/// A first-in, first-out queue of batches between one reading thread and one checking
/// thread, holding at most `capacity` batches: the reader waits when it is full, so
/// memory stays flat however fast the file is read. Its state is only touched under its
/// condition's lock.
final class ListBatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [ListBatch] = []
    private var head = 0
    private let capacity: Int

    /// A queue holding at most `capacity` batches.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Appends a batch, waiting while the queue is full.
    func push(_ batch: ListBatch) {
        condition.lock()
        while batches.count - head >= capacity { condition.wait() }
        if head > capacity {
            batches.removeFirst(head)
            head = 0
        }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Removes the oldest batch, waiting while the queue is empty.
    func pop() -> ListBatch {
        condition.lock()
        while batches.count == head { condition.wait() }
        let batch = batches[head]
        head += 1
        condition.broadcast()
        condition.unlock()
        return batch
    }
}
