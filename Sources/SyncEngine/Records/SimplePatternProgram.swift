/// The instructions of a `SimplePattern`: a Thompson automaton in which each instruction either
/// consumes one scalar or forks the run without consuming.
struct SimplePatternProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(UInt32)
        /// `.`: any scalar but a line terminator.
        case any
        /// An index into `classes`.
        case set(Int)
        /// Continue at both targets.
        case split(Int, Int)
        case jump(Int)
        /// The text matches if a run is here at its end. Always the last instruction.
        case match
    }

    /// The maximum number of instructions of a pattern. Bounded repeats are written out, so
    /// `(a{1,900}){900}` would build a huge program. Such patterns fall back to ICU.
    static let sizeLimit = 5000

    private(set) var instructions: [Instruction] = []
    let classes: [ScalarClass]

    /// Builds the program of `node`, or returns `nil` when it would pass `sizeLimit`.
    init?(_ node: SimplePatternParser.Node, classes: [ScalarClass]) {
        self.classes = classes
        let size = SimplePatternProgram.size(of: node)
        guard size < SimplePatternProgram.sizeLimit else { return nil }
        instructions.reserveCapacity(size + 1)
        emit(node)
        instructions.append(.match)
    }

    /// Counts the instructions of `node`, saturating just above `sizeLimit`.
    private static func size(of node: SimplePatternParser.Node) -> Int {
        let cap = sizeLimit + 1
        switch node {
        case .scalar, .any, .set:
            return 1
        case .sequence(let items):
            return items.reduce(0) { min(cap, $0 + size(of: $1)) }
        case .alternation(let branches):
            let forks = 2 * (branches.count - 1)
            return branches.reduce(forks) { min(cap, $0 + size(of: $1)) }
        case .repetition(let body, let minimum, let maximum):
            let bodySize = size(of: body)
            let optional = maximum.map { ($0 - minimum) * (bodySize + 1) } ?? bodySize + 2
            return min(cap, minimum * bodySize + optional)
        }
    }

    // MARK: - Emitting

    private mutating func emit(_ node: SimplePatternParser.Node) {
        switch node {
        case .scalar(let value): instructions.append(.scalar(value))
        case .any: instructions.append(.any)
        case .set(let index): instructions.append(.set(index))
        case .sequence(let items): items.forEach { emit($0) }
        case .alternation(let branches): emitAlternation(branches)
        case .repetition(let body, let minimum, let maximum): emitRepetition(body, minimum, maximum)
        }
    }

    private mutating func emitAlternation(_ branches: [SimplePatternParser.Node]) {
        var exits: [Int] = []
        for branch in branches.dropLast() {
            let fork = append(.split(0, 0))
            emit(branch)
            exits.append(append(.jump(0)))
            instructions[fork] = .split(fork + 1, instructions.count)
        }
        if let last = branches.last {
            emit(last)
        }
        for exit in exits {
            instructions[exit] = .jump(instructions.count)
        }
    }

    /// Writes the body `minimum` times, then either a loop or `maximum - minimum` optional
    /// copies. The optional copies may all leave to the same end, since nothing is captured.
    private mutating func emitRepetition(_ body: SimplePatternParser.Node, _ minimum: Int, _ maximum: Int?) {
        for _ in 0..<minimum {
            emit(body)
        }
        guard let maximum else {
            let loop = append(.split(0, 0))
            emit(body)
            append(.jump(loop))
            instructions[loop] = .split(loop + 1, instructions.count)
            return
        }
        var forks: [Int] = []
        for _ in minimum..<maximum {
            forks.append(append(.split(0, 0)))
            emit(body)
        }
        for fork in forks {
            instructions[fork] = .split(fork + 1, instructions.count)
        }
    }

    @discardableResult
    private mutating func append(_ instruction: Instruction) -> Int {
        instructions.append(instruction)
        return instructions.count - 1
    }
}
