/// A terminal the console cannot run on, with the reason and what to do about it.
public struct TerminalSetupError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static let notATerminal = TerminalSetupError(
        "the console needs a terminal on standard input and output; "
            + "to start executions from a script, use \"syncdeck run\"")

    static let termUnset = TerminalSetupError(
        "TERM is not set; set TERM to xterm-256color (or the type of your terminal) and start again")

    static func unknownTerminal(_ name: String) -> TerminalSetupError {
        TerminalSetupError(
            "unknown terminal type \"\(name)\"; set TERM to xterm-256color (or another type that "
                + "\"toe -a\" lists) and start again")
    }

    static func noCursorAddressing(_ name: String) -> TerminalSetupError {
        TerminalSetupError(
            "terminal type \"\(name)\" cannot move the cursor, which the console needs; "
                + "set TERM to xterm-256color, or use \"syncdeck run\" and \"syncdeck executions\" instead")
    }
}
