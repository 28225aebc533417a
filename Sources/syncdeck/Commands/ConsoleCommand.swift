import Foundation

/// `syncdeck [--workspace DIR] [--theme NAME]`: the full-screen console.
enum ConsoleCommand {
    static func run(_ words: [String]) throws -> ExitCode {
        throw CommandFailure(.terminalUnsupported, "the console is not wired yet")
    }
}
