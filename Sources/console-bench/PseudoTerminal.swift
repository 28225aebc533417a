import CNcurses
import Console
import Foundation

/// A pseudo-terminal in place of the operator's terminal: the benchmark makes its slave
/// side standard input and output, so `NcursesTerminal` writes to it exactly as to a real one,
/// and counts every byte that arrives on the master side.
///
/// A reader thread drains the master continuously, so that a large frame never fills the kernel
/// buffer and blocks ncurses. `countBytes(of:)` writes a marker after the frame and waits for it,
/// which makes the count exact without sleeping.
final class PseudoTerminal: @unchecked Sendable {
    private let master: Int32
    private let slave: Int32
    private let lock = NSCondition()
    private var received: [UInt8] = []
    private var searchFrom = 0
    private var markersSeen = 0

    /// An application-program-command string: terminals ignore it, and ncurses never writes it.
    private static let marker = Array("\u{1B}_console-bench\u{1B}\\".utf8)

    /// Opens a pseudo-terminal of `size` and starts draining it.
    init(size: Size) throws {
        var number: Int32 = 0
        master = cn_open_pseudo_terminal(&number)
        guard master >= 0 else {
            throw BenchError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            throw BenchError("cannot open /dev/pts/\(number): \(String(cString: strerror(errno)))")
        }
        resize(size)
        let thread = Thread { [self] in drain() }
        thread.start()
    }

    /// Sets the size the terminal reports, as a terminal emulator does when its window changes.
    func resize(_ size: Size) {
        _ = cn_set_terminal_size(slave, Int32(size.rows), Int32(size.columns))
    }

    /// Makes the slave side standard input and output of this process.
    func becomeStandardInputAndOutput() {
        fflush(stdout)
        dup2(slave, STDIN_FILENO)
        dup2(slave, STDOUT_FILENO)
    }

    /// Runs `body`, which draws through ncurses, and returns the bytes it wrote to the terminal.
    func countBytes(of body: () -> Void) -> Int {
        lock.lock()
        let start = received.count
        let expected = markersSeen + 1
        lock.unlock()

        body()
        fflush(stdout)
        _ = PseudoTerminal.marker.withUnsafeBytes { write(slave, $0.baseAddress, $0.count) }

        lock.lock()
        defer { lock.unlock() }
        while markersSeen < expected {
            lock.wait()
        }
        return lastMarkerStart - start
    }

    private var lastMarkerStart = 0

    private func drain() {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            lock.lock()
            received.append(contentsOf: chunk[0..<count])
            findMarkers()
            lock.unlock()
        }
    }

    /// Counts the markers that arrived; called with the lock held.
    private func findMarkers() {
        let marker = PseudoTerminal.marker
        while received.count - searchFrom >= marker.count {
            if received[searchFrom..<searchFrom + marker.count].elementsEqual(marker) {
                lastMarkerStart = searchFrom
                markersSeen += 1
                searchFrom += marker.count
                lock.broadcast()
            } else {
                searchFrom += 1
            }
        }
    }
}

/// A benchmark step that could not run, with the reason.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
