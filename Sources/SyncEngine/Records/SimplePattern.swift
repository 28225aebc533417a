/// A schema pattern in a strict subset of ICU regular expressions, matched against the whole
/// text without Foundation or ICU.
///
/// `NSRegularExpression` bridges each value to `NSString` and runs ICU's matcher, and its code
/// and data add to the resident memory of an import. Most schema patterns are simple (`C[0-9]{6}`,
/// `[A-Z]{2}\d{4}`, `paid|refunded`), so those are compiled here instead:
///
/// - literal scalars, ASCII punctuation escaped with a backslash, `\t`, `\n`, `\r`;
/// - `.`, bracket classes with ranges and `[^...]`, and `\d`, `\w`, `\s`, `\D`, `\W`, `\S`;
/// - groups `(...)` and `(?:...)`, alternation, and the greedy quantifiers `?`, `*`, `+`,
///   `{n}`, `{n,}`, `{n,m}` with counts up to 1000;
/// - `^` opening and `$` closing a top-level branch, where they can only mean the ends of the text.
///
/// Anything else makes `init` return `nil`, and the caller uses `NSRegularExpression`. A pattern
/// that is accepted means what ICU makes of `\A(?:pattern)\z`, and ICU accepts it too.
///
/// Matching runs a Thompson automaton over the Unicode scalars of the text, because ICU matches
/// code points, not characters. It takes one step per scalar, so its work is at most the length of
/// the text times the size of the program. A pattern such as `(a*)*b` cannot make it backtrack.
///
/// - Note: `matches` returns `nil` when `\d` or `\w` must classify a scalar beyond ASCII, because
///   the Unicode tables of the Swift runtime and of ICU are not the same version. The caller then
///   matches with ICU.
struct SimplePattern: Sendable {
    private let program: SimplePatternProgram

    /// Compiles `pattern`, or returns `nil` when it is outside the subset.
    init?(_ pattern: String) {
        guard let (node, classes) = SimplePatternParser.parse(pattern),
              let program = SimplePatternProgram(node, classes: classes) else {
            return nil
        }
        self.program = program
    }

    /// Returns whether the whole of `text` matches, or `nil` when only ICU's Unicode tables can
    /// tell (see the note on the type).
    func matches(_ text: String) -> Bool? {
        program.instructions.withUnsafeBufferPointer { instructions in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * instructions.count) { scratch in
                guard let base = scratch.baseAddress else { return false }
                var run = Run(instructions, program.classes, scratch: base)
                return run.matches(text.unicodeScalars)
            }
        }
    }
}

/// One match in progress: the sets of instructions the automaton is at, before and after the
/// current scalar, kept in caller-provided memory so that a match allocates nothing.
private struct Run {
    private let instructions: UnsafeBufferPointer<SimplePatternProgram.Instruction>
    private let classes: [ScalarClass]
    /// For each instruction, the last step at which it joined a set, so that it joins once per
    /// step and loops that consume nothing end.
    private let marks: UnsafeMutablePointer<Int>
    private var current: UnsafeMutablePointer<Int>
    private var next: UnsafeMutablePointer<Int>
    private let stack: UnsafeMutablePointer<Int>
    private var currentCount = 0
    private var nextCount = 0
    private var step = 0

    init(_ instructions: UnsafeBufferPointer<SimplePatternProgram.Instruction>, _ classes: [ScalarClass],
         scratch: UnsafeMutablePointer<Int>) {
        self.instructions = instructions
        self.classes = classes
        let count = instructions.count
        marks = scratch
        marks.initialize(repeating: -1, count: count)
        current = scratch + count
        next = scratch + 2 * count
        stack = scratch + 3 * count
    }

    mutating func matches(_ scalars: String.UnicodeScalarView) -> Bool? {
        add(0)
        swap(&current, &next)
        currentCount = nextCount

        for unicodeScalar in scalars {
            guard currentCount > 0 else { return false }
            let scalar = unicodeScalar.value
            step += 1
            nextCount = 0
            for position in 0..<currentCount {
                let index = current[position]
                switch instructions[index] {
                case .scalar(let value):
                    if value == scalar { add(index + 1) }
                case .any:
                    if !Run.isLineTerminator(scalar) { add(index + 1) }
                case .set(let set):
                    switch classes[set].contains(scalar) {
                    case .yes: add(index + 1)
                    case .no: break
                    case .unknown: return nil
                    }
                case .split, .jump, .match:
                    break
                }
            }
            swap(&current, &next)
            currentCount = nextCount
        }
        return marks[instructions.count - 1] == step
    }

    /// Adds `start` and every instruction reachable from it without consuming to `next`.
    private mutating func add(_ start: Int) {
        guard marks[start] != step else { return }
        marks[start] = step
        var depth = 1
        stack[0] = start
        while depth > 0 {
            depth -= 1
            let index = stack[depth]
            switch instructions[index] {
            case .jump(let target):
                push(target, depth: &depth)
            case .split(let first, let second):
                push(second, depth: &depth)
                push(first, depth: &depth)
            case .scalar, .any, .set, .match:
                next[nextCount] = index
                nextCount += 1
            }
        }
    }

    private func push(_ index: Int, depth: inout Int) {
        guard marks[index] != step else { return }
        marks[index] = step
        stack[depth] = index
        depth += 1
    }

    /// ICU's `.` stops at these, without the DOTALL flag: it takes neither `\r` nor `\r\n`.
    private static func isLineTerminator(_ scalar: UInt32) -> Bool {
        (0x0A...0x0D).contains(scalar) || scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029
    }
}
