import Foundation

/// Writes the report to the standard output and error the process started with, which the
/// pseudo-terminal replaces once the console is drawn.
final class Report {
    private let output = dup(STDOUT_FILENO)
    private let errors = dup(STDERR_FILENO)

    func line(_ text: String) {
        write(text + "\n", to: output)
    }

    func error(_ text: String) {
        write(text + "\n", to: errors)
    }

    private func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}
