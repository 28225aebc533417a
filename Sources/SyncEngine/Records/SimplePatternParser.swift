/// A reader of patterns in the subset that `SimplePattern` matches, building a tree or
/// rejecting the pattern.
///
/// Every pattern the subset accepts must be valid for ICU and mean the same there. A wrong
/// rejection only costs speed, because the caller then uses `NSRegularExpression`, but a wrong
/// acceptance changes results. So the parser rejects whatever it is unsure of.
struct SimplePatternParser {
    /// A part of a pattern. Groups leave no node of their own: nothing is captured.
    indirect enum Node {
        case scalar(UInt32)
        /// `.`: any scalar but a line terminator.
        case any
        /// An index into `classes`.
        case set(Int)
        case sequence([Node])
        case alternation([Node])
        /// `max` is `nil` when the repetition has no upper bound.
        case repetition(Node, min: Int, max: Int?)
    }

    /// The largest count a `{n,m}` quantifier may give; larger ones fall back to ICU.
    static let countLimit = 1000

    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// The classes the tree refers to by index, so that `[0-9]{6}` builds its class once.
    private(set) var classes: [ScalarClass] = []

    private init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// Returns the tree of `pattern` and its classes, or `nil` when the subset rejects it.
    static func parse(_ pattern: String) -> (node: Node, classes: [ScalarClass])? {
        var parser = SimplePatternParser(pattern)
        guard let node = parser.alternation(topLevel: true), parser.index == parser.scalars.count else {
            return nil
        }
        return (node, parser.classes)
    }

    private var peek: Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private func peek(ahead offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    // MARK: - Structure

    /// `topLevel` is true outside every group, the only place where `^` and `$` are accepted.
    private mutating func alternation(topLevel: Bool) -> Node? {
        var branches: [Node] = []
        while true {
            guard let branch = sequence(topLevel: topLevel) else { return nil }
            branches.append(branch)
            guard peek == "|" else { break }
            index += 1
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    /// Reads one branch of an alternation. The text is anchored right around the top-level
    /// alternation, so a `^` that opens one of its branches, or a `$` that closes one, is at the
    /// start or the end of the text. There they change nothing and are skipped. Anywhere else
    /// their meaning depends on line terminators, so the pattern is rejected.
    private mutating func sequence(topLevel: Bool) -> Node? {
        var items: [Node] = []
        if topLevel, peek == "^" {
            index += 1
        }
        while let next = peek, next != "|", next != ")" {
            if next == "$" {
                index += 1
                guard topLevel, peek == nil || peek == "|" else { return nil }
                break
            }
            guard let item = atom(), let quantified = quantifier(on: item) else { return nil }
            items.append(quantified)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func atom() -> Node? {
        guard let next = peek else { return nil }
        switch next {
        case "(": return group()
        case "[": return bracket()
        case "\\": return escape()
        case ".":
            index += 1
            return .any
        case "*", "+", "?", "{", "}", "]", ")", "|", "^", "$":
            return nil
        default:
            index += 1
            return .scalar(next.value)
        }
    }

    private mutating func group() -> Node? {
        index += 1
        if peek == "?" {
            guard peek(ahead: 1) == ":" else { return nil }
            index += 2
        }
        guard let inner = alternation(topLevel: false), peek == ")" else { return nil }
        index += 1
        return inner
    }

    // MARK: - Quantifiers

    /// Reads the greedy quantifier after `node`, if any. Lazy and possessive forms, and a
    /// quantifier after another, are rejected.
    private mutating func quantifier(on node: Node) -> Node? {
        let bounds: (min: Int, max: Int?)
        switch peek {
        case "?":
            index += 1
            bounds = (0, 1)
        case "*":
            index += 1
            bounds = (0, nil)
        case "+":
            index += 1
            bounds = (1, nil)
        case "{":
            guard let interval = interval() else { return nil }
            bounds = interval
        default:
            return node
        }
        if let next = peek, next == "?" || next == "+" || next == "*" || next == "{" {
            return nil
        }
        return .repetition(node, min: bounds.min, max: bounds.max)
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` with counts up to `countLimit`.
    private mutating func interval() -> (min: Int, max: Int?)? {
        index += 1
        guard let minimum = count() else { return nil }
        var maximum: Int? = minimum
        if peek == "," {
            index += 1
            if peek == "}" {
                maximum = nil
            } else {
                guard let count = count() else { return nil }
                maximum = count
            }
        }
        guard peek == "}" else { return nil }
        index += 1
        if let maximum, maximum < minimum { return nil }
        return (minimum, maximum)
    }

    private mutating func count() -> Int? {
        var value = 0
        var digits = 0
        while let next = peek, ("0"..."9").contains(next) {
            value = value * 10 + Int(next.value - 0x30)
            digits += 1
            index += 1
            if value > SimplePatternParser.countLimit { return nil }
        }
        return digits > 0 ? value : nil
    }

    // MARK: - Escapes

    private enum Item {
        case scalar(UInt32)
        case property(ScalarClass.Property, isComplement: Bool)
    }

    private mutating func escape() -> Node? {
        switch escapedItem() {
        case .scalar(let value): return .scalar(value)
        case .property(let property, let isComplement): return intern(ScalarClass(property, isComplement: isComplement))
        case nil: return nil
        }
    }

    /// Reads a backslash and what it escapes: a class escape, `\t`, `\n`, `\r`, or ASCII
    /// punctuation taken literally. ICU reads other letters and digits as other escapes or as
    /// errors, so every other escape is rejected.
    private mutating func escapedItem() -> Item? {
        guard let escaped = peek(ahead: 1) else { return nil }
        index += 2
        switch escaped {
        case "d": return .property(.digit, isComplement: false)
        case "D": return .property(.digit, isComplement: true)
        case "w": return .property(.word, isComplement: false)
        case "W": return .property(.word, isComplement: true)
        case "s": return .property(.space, isComplement: false)
        case "S": return .property(.space, isComplement: true)
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "r": return .scalar(0x0D)
        default:
            guard escaped.isASCII, escaped.properties.generalCategory.isPunctuationOrSymbol else { return nil }
            return .scalar(escaped.value)
        }
    }

    // MARK: - Brackets

    /// Reads a bracket class. Nested brackets, set operations, POSIX names, a `]` or `-` that
    /// could be read two ways, and ranges that ICU would reject are all rejected.
    private mutating func bracket() -> Node? {
        index += 1
        var set = ScalarClass()
        let isNegated = peek == "^"
        if isNegated { index += 1 }
        if peek == "]" || peek == ":" { return nil }

        var isFirst = true
        while true {
            guard let next = peek else { return nil }
            if next == "]" {
                index += 1
                break
            }
            if next == "-" {
                // A hyphen is literal only first or last, where it cannot be read as a range.
                guard isFirst || peek(ahead: 1) == "]" else { return nil }
                index += 1
                set.add(0x2D...0x2D)
            } else {
                guard let item = bracketItem() else { return nil }
                switch item {
                case .property(let property, let isComplement):
                    set.add(property, isComplement: isComplement)
                case .scalar(let low):
                    guard let range = range(from: low) else { return nil }
                    set.add(range)
                }
            }
            isFirst = false
        }

        if isNegated { set.negate() }
        return intern(set)
    }

    /// Reads the end of a range that starts at `low`, or returns the single scalar.
    private mutating func range(from low: UInt32) -> ClosedRange<UInt32>? {
        guard peek == "-", let after = peek(ahead: 1), after != "]" else { return low...low }
        index += 1
        guard case .scalar(let high) = bracketItem(), low <= high else { return nil }
        return low...high
    }

    private mutating func bracketItem() -> Item? {
        guard let next = peek else { return nil }
        switch next {
        case "\\":
            return escapedItem()
        case "[", "]", "-", "&", "^", "{", "}", "$":
            return nil
        default:
            index += 1
            return .scalar(next.value)
        }
    }

    private mutating func intern(_ set: ScalarClass) -> Node {
        if let known = classes.firstIndex(of: set) {
            return .set(known)
        }
        classes.append(set)
        return .set(classes.count - 1)
    }
}

private extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
