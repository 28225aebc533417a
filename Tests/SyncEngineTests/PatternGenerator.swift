import SyncModel

/// Random patterns from the grammar of `SimplePattern`'s subset, and random texts to match them
/// with, for the differential tests against ICU.
enum PatternGenerator {
    /// Literals, chosen so that texts can hit them: ASCII, accents, CJK, an emoji, a combining mark.
    private static let literals: [String] = ["a", "b", "c", "Z", "0", "7", "_", " ", "é", "ß", "中", "😀", "\u{301}", "#", "'"]
    private static let escapes: [String] = ["\\.", "\\-", "\\\\", "\\(", "\\)", "\\[", "\\]", "\\{", "\\}", "\\*", "\\+",
                                            "\\?", "\\|", "\\^", "\\$", "\\/", "\\_", "\\<", "\\>", "\\t", "\\n", "\\r"]
    private static let classEscapes: [String] = ["\\d", "\\w", "\\s", "\\D", "\\W", "\\S"]
    private static let classLiterals: [String] = ["a", "b", "z", "0", "9", "_", ".", " ", "é", "中", "😀", "#", "(", "|", "*", "+", "?", "/", ":", "\\]", "\\-", "\\\\", "\\^", "\\[", "\\n"]
    private static let ranges: [String] = ["a-z", "A-Z", "0-9", "a-c", "à-ÿ", "一-龥", "\\--\\/", " -~", "\u{0}-\u{7F}"]

    /// Texts draw from these as well as from the pattern's own scalars: line terminators,
    /// `\r\n`, spaces beyond ASCII, digits of other scripts, a decomposed accent.
    private static let textPieces: [String] = ["a", "b", "c", "Z", "0", "7", "9", "_", "-", ".", " ", "é", "e\u{301}", "ß", "中",
                                               "😀", "👍🏽", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{B}", "\u{C}",
                                               "\t", "\u{A0}", "\u{3000}", "٣", "१", "#", "'", "/", "\\", "|", "(", "]", "^", "$"]

    static func pattern(_ random: inout SplitMix64) -> String {
        var branches: [String] = []
        for _ in 0...Int.random(in: 0...2, using: &random) {
            var branch = sequence(&random, depth: 0)
            if chance(8, &random) { branch = "^" + branch }
            if chance(8, &random) { branch += "$" }
            branches.append(branch)
        }
        return branches.joined(separator: "|")
    }

    /// Returns a text of up to 7 pieces, taken from the pattern's scalars and the common pieces.
    static func text(for pattern: String, _ random: inout SplitMix64) -> String {
        let own = pattern.unicodeScalars.filter { !"\\[]{}()|*+?^$".unicodeScalars.contains($0) }.map { String($0) }
        let pieces = own + textPieces
        let length = Int.random(in: 0...7, using: &random)
        return (0..<length).map { _ in pick(pieces, &random) }.joined()
    }

    // MARK: - Grammar

    private static func sequence(_ random: inout SplitMix64, depth: Int) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in quantified(&random, depth: depth) }.joined()
    }

    private static func quantified(_ random: inout SplitMix64, depth: Int) -> String {
        let item = atom(&random, depth: depth)
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return item + "?"
        case 1: return item + "*"
        case 2: return item + "+"
        case 3: return item + "{\(Int.random(in: 0...3, using: &random))}"
        case 4: return item + "{\(Int.random(in: 0...2, using: &random)),}"
        case 5:
            let low = Int.random(in: 0...2, using: &random)
            return item + "{\(low),\(low + Int.random(in: 0...2, using: &random))}"
        default: return item
        }
    }

    private static func atom(_ random: inout SplitMix64, depth: Int) -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1, 2: return pick(literals, &random)
        case 3: return pick(escapes, &random)
        case 4: return "."
        case 5: return pick(classEscapes, &random)
        case 6, 7: return bracket(&random)
        default:
            guard depth < 3 else { return pick(literals, &random) }
            let inner = (0...Int.random(in: 0...2, using: &random)).map { _ in sequence(&random, depth: depth + 1) }
            return (chance(2, &random) ? "(?:" : "(") + inner.joined(separator: "|") + ")"
        }
    }

    private static func bracket(_ random: inout SplitMix64) -> String {
        var text = chance(3, &random) ? "[^" : "["
        if chance(6, &random) { text += "-" }
        for _ in 0...Int.random(in: 0...3, using: &random) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0, 1:
                // `[:` opens a POSIX class for ICU, which the subset rejects.
                let literal = pick(classLiterals, &random)
                text += literal == ":" && text.hasSuffix("[") || literal == ":" && text.hasSuffix("[^") ? "a" : literal
            case 2, 3: text += pick(ranges, &random)
            default: text += pick(classEscapes, &random)
            }
        }
        if chance(6, &random) { text += "-" }
        return text + "]"
    }

    private static func chance(_ oneIn: Int, _ random: inout SplitMix64) -> Bool {
        Int.random(in: 0..<oneIn, using: &random) == 0
    }

    private static func pick(_ choices: [String], _ random: inout SplitMix64) -> String {
        choices[Int.random(in: 0..<choices.count, using: &random)]
    }
}
