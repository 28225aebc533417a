import Foundation

/// The values taken from the environment for a source's requests, blanked out of any text
/// that comes from outside before it reaches a log or a message.
///
/// Messages are built from the workspace text, which names variables but holds no values;
/// text from elsewhere (a server's next-page address, an error body, a system error) may
/// echo a value back, and goes through `redact` first.
struct SecretValues {
    static let mask = "[redacted]"

    private var values: [String] = []

    mutating func insert(_ value: String) {
        guard !value.isEmpty else { return }
        var forms = [value]
        // A value placed in an address may come back percent-encoded.
        if let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != value {
            forms.append(encoded)
        }
        if let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed), encoded != value {
            forms.append(encoded)
        }
        for form in forms where !values.contains(form) {
            values.append(form)
        }
        // Longer values first, so that a value containing another is masked whole.
        values.sort { $0.count > $1.count }
    }

    /// Returns `text` with every secret value replaced by `[redacted]`.
    func redact(_ text: String) -> String {
        var result = text
        for value in values where result.contains(value) {
            result = result.replacingOccurrences(of: value, with: SecretValues.mask)
        }
        return result
    }
}
