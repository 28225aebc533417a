import Foundation

/// Holds back what is written to standard error while curses owns the screen, and prints it
/// once the terminal is restored.
///
/// Anything written to file descriptor 2 in between, by this process or a library it uses, would
/// otherwise land in the middle of the drawn screen. It goes to an unlinked temporary file
/// instead, which, unlike a pipe, never fills up and blocks the writer.
final class StandardErrorCapture {
    private let savedDescriptor: Int32
    private let captureDescriptor: Int32
    private var isCapturing = true

    /// Starts capturing, or returns `nil` (and leaves standard error alone) when no temporary file
    /// can be made.
    init?() {
        var template = Array((NSTemporaryDirectory() + "/syncdeck-stderr-XXXXXX").utf8CString)
        let capture = mkstemp(&template)
        guard capture >= 0 else { return nil }
        unlink(template)

        fflush(stderr)
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(capture, STDERR_FILENO) >= 0 else {
            close(capture)
            if saved >= 0 { close(saved) }
            return nil
        }
        savedDescriptor = saved
        captureDescriptor = capture
    }

    deinit {
        finish()
    }

    /// Restores standard error and writes to it everything captured so far. Later calls do nothing.
    func finish() {
        guard isCapturing else { return }
        isCapturing = false
        fflush(stderr)
        dup2(savedDescriptor, STDERR_FILENO)
        close(savedDescriptor)

        lseek(captureDescriptor, 0, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(captureDescriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            _ = chunk.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, count) }
        }
        close(captureDescriptor)
    }
}
