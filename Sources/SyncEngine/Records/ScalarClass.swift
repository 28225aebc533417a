/// A set of Unicode scalars that one step of a `SimplePattern` accepts: a bracket class such as
/// `[a-z0-9_]`, or a class escape such as `\d`.
///
/// Every ASCII scalar is decided by a bitmap built at compile time, so the common case is one bit
/// test. Beyond ASCII, ranges and `\s` are decided here too, but `\d` and `\w` are not. Their
/// members come from Unicode data, and the Swift runtime's tables can be of a newer Unicode
/// version than ICU's. With Swift 6.3 on Linux, U+11DE0 to U+11DE9 are Nd for Swift and not for
/// ICU. So `contains` returns `.unknown` there, and the caller asks ICU.
struct ScalarClass: Sendable, Equatable {
    /// The result of testing one scalar.
    enum Verdict {
        case yes
        case no
        /// Only ICU's Unicode tables can decide.
        case unknown
    }

    /// A class escape: `\d`, `\w`, `\s` or their complements `\D`, `\W`, `\S`.
    enum Property: Sendable, Equatable {
        case digit, word, space
    }

    private struct PropertyItem: Sendable, Equatable {
        let property: Property
        let isComplement: Bool
    }

    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var ranges: [ClosedRange<UInt32>] = []
    private var properties: [PropertyItem] = []
    private var isNegated = false

    /// Creates the class of one escape outside brackets, `\d` for example.
    init(_ property: Property, isComplement: Bool) {
        add(property, isComplement: isComplement)
    }

    /// Creates an empty class, to be filled with `add` and closed with `negate`.
    init() {}

    /// Adds the scalars `range` to the class.
    mutating func add(_ range: ClosedRange<UInt32>) {
        ranges.append(range)
        guard range.lowerBound < 0x80 else { return }
        for value in range.lowerBound...min(range.upperBound, 0x7F) {
            setASCII(value)
        }
    }

    /// Adds a class escape to the class.
    mutating func add(_ property: Property, isComplement: Bool) {
        properties.append(PropertyItem(property: property, isComplement: isComplement))
        for value in UInt32(0)..<0x80 where ScalarClass.asciiHas(property, value) != isComplement {
            setASCII(value)
        }
    }

    /// Makes the class accept what it rejected and the reverse, as `[^...]` does.
    mutating func negate() {
        isNegated.toggle()
        low = ~low
        high = ~high
    }

    /// Returns whether the class accepts the scalar `value`.
    func contains(_ value: UInt32) -> Verdict {
        if value < 0x40 { return low & (1 << UInt64(value)) != 0 ? .yes : .no }
        if value < 0x80 { return high & (1 << UInt64(value - 0x40)) != 0 ? .yes : .no }

        let found = containsBeyondASCII(value)
        switch (found, isNegated) {
        case (.unknown, _): return .unknown
        case (.yes, false), (.no, true): return .yes
        default: return .no
        }
    }

    // MARK: - Beyond ASCII

    private func containsBeyondASCII(_ value: UInt32) -> Verdict {
        for range in ranges where range.contains(value) {
            return .yes
        }
        var isUnknown = false
        for item in properties {
            guard item.property == .space else {
                isUnknown = true
                continue
            }
            if ScalarClass.isWhiteSpace(value) != item.isComplement {
                return .yes
            }
        }
        return isUnknown ? .unknown : .no
    }

    /// Returns whether `value` has the White_Space property, which ICU's `\s` uses, beyond ASCII.
    /// A test compares it with the linked ICU.
    private static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private static func asciiHas(_ property: Property, _ value: UInt32) -> Bool {
        switch property {
        case .digit: return (0x30...0x39).contains(value)
        case .word: return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
            || (0x61...0x7A).contains(value) || value == 0x5F
        case .space: return (0x09...0x0D).contains(value) || value == 0x20
        }
    }

    private mutating func setASCII(_ value: UInt32) {
        if value < 0x40 {
            low |= 1 << UInt64(value)
        } else {
            high |= 1 << UInt64(value - 0x40)
        }
    }
}
