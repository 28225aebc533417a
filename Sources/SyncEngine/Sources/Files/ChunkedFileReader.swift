import Foundation
import SyncModel

/// A file read in fixed-size chunks into one reusable buffer, so a reader of any file size
/// holds only the current chunk and the record being assembled.
///
/// The parsers scan `bytes` from `position` to `count` and call `refill()` when they reach the
/// end; a chunk never moves while it is scanned.
final class ChunkedFileReader {
    static let defaultChunkSize = 64 * 1024

    /// The file, relative to the workspace, for messages.
    let location: String
    let day: Day?

    private var descriptor: Int32
    private let capacity: Int
    /// The current chunk; valid from 0 to `count`.
    let bytes: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    /// The next byte to scan.
    var position = 0
    private(set) var isAtEnd = false

    /// Opens `url` for reading.
    ///
    /// - Throws: `ExecutionFailure` when the file cannot be opened.
    init(url: URL, location: String, day: Day?, chunkSize: Int = ChunkedFileReader.defaultChunkSize) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FileFailure.openFailed(errno: errno, location: location, day: day)
        }
        self.descriptor = descriptor
        self.location = location
        self.day = day
        self.capacity = max(chunkSize, 16)
        self.bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit {
        close()
        bytes.deallocate()
    }

    /// Reads the next chunk in place of the current one.
    ///
    /// - Returns: `false` at the end of the file.
    /// - Throws: `ExecutionFailure` when the read fails, for example on an I/O error.
    func refill() throws -> Bool {
        guard !isAtEnd, descriptor >= 0 else { return false }
        var result: Int
        repeat {
            result = read(descriptor, bytes, capacity)
        } while result < 0 && errno == EINTR
        guard result >= 0 else {
            throw FileFailure.readFailed(errno: errno, location: location, day: day)
        }
        count = result
        position = 0
        if result == 0 {
            isAtEnd = true
            return false
        }
        return true
    }

    /// Skips a UTF-8 byte order mark at the start of the file.
    ///
    /// Call it once, before any other scan.
    func skipByteOrderMark() throws {
        guard try refill() else { return }
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
        }
    }

    func close() {
        if descriptor >= 0 {
            _ = Foundation.close(descriptor)
            descriptor = -1
        }
    }
}
