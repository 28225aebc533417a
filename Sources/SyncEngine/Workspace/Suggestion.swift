import Foundation

/// Finds the intended word behind a typo, for "did you mean" hints.
enum Suggestion {
    /// Returns the candidate closest to `text`, or `nil` when none is close enough to be a typo.
    ///
    /// A candidate is close when it matches ignoring case, or when it is within an edit
    /// distance of one for short words and two for words of six letters or more.
    static func closest(to text: String, among candidates: [String]) -> String? {
        let lowered = text.lowercased()
        if let sameLetters = candidates.first(where: { $0.lowercased() == lowered }) {
            return sameLetters
        }

        let maximum = lowered.count >= 6 ? 2 : 1
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= maximum, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Returns the hint for a value outside `allowed`: "did you mean ..." when one is close,
    /// else the list of allowed values.
    static func hint(for text: String, allowed: [String]) -> String {
        let list = allowed.joined(separator: ", ")
        if let guess = closest(to: text, among: allowed) {
            return "did you mean \(JSONText.quoted(guess))? use one of \(list)"
        }
        return "use one of \(list)"
    }

    /// Computes the Levenshtein distance between two strings, counted in characters.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let left = Array(left)
        let right = Array(right)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }

        var previous = Array(0...right.count)
        var current = Array(repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
