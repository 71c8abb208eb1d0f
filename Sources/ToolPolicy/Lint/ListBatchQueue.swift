import Foundation

/// What the reader hands the linter: the columns, rows in batches, the end.
enum ListBatch: Sendable {
    /// The list's column names, first.
    case columns([String])
    /// Rows, in list order.
    case rows([UseListEntry])
    /// The end of the list, with the error that stopped the reading, if any.
    case end(ListReadError?)
}

/// What the linter hands the reporter: the column warnings (or the list's refusal), the
/// rows' results in batches, the end.
enum DecidedBatch: Sendable {
    /// The warnings about the list's columns, and the refusal of a list whose column is a
    /// near miss of a known one (no row is decided then).
    case begin(columnWarnings: [RowProblem], refused: ListReadError?)
    /// The results of rows, in list order.
    case results([LintResult])
    /// The end of the list, with the error that stopped the reading, if any.
    case end(ListReadError?)
}

/// A first-in, first-out queue of batches between two stages of the lint (reading and
/// deciding, deciding and writing), each on its own thread, holding at most `capacity`
/// batches: the earlier stage waits when it is full, so memory stays flat however fast
/// the file is read. Its state is only touched under its condition's lock.
final class ListBatchQueue<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var head = 0
    private let capacity: Int

    /// A queue holding at most `capacity` batches.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Appends a batch, waiting while the queue is full.
    func push(_ batch: Batch) {
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
    func pop() -> Batch {
        condition.lock()
        while batches.count == head { condition.wait() }
        let batch = batches[head]
        head += 1
        condition.broadcast()
        condition.unlock()
        return batch
    }
}
