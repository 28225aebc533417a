import Foundation

/// The memory figures of the running process, from `/proc/self/status` (Linux).
enum MemoryStatus {
    /// The peak resident set size so far (`VmHWM`), in kibibytes, or `nil` when unknown.
    static func peakResidentKiB() -> Int? {
        value(of: "VmHWM")
    }

    /// The current resident set size (`VmRSS`), in kibibytes, or `nil` when unknown.
    static func residentKiB() -> Int? {
        value(of: "VmRSS")
    }

    private static func value(of key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let digits = line.dropFirst(key.count + 1).filter(\.isNumber)
            return Int(digits)
        }
        return nil
    }
}
