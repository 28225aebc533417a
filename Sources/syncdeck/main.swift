import Foundation

/// Reads the command, runs it, and exits with its documented code.
func main(_ words: [String]) -> ExitCode {
    let command = words.first
    let rest = Array(words.dropFirst())
    do {
        switch command {
        case "run":
            return try rest.contains(where: isHelp) ? printHelp(RunCommand.help) : RunCommand.run(rest)
        case "executions":
            return try rest.contains(where: isHelp) ? printHelp(ExecutionsCommand.help) : ExecutionsCommand.run(rest)
        case "show":
            return try rest.contains(where: isHelp) ? printHelp(ShowCommand.help) : ShowCommand.run(rest)
        case "retry":
            return try rest.contains(where: isHelp) ? printHelp(RetryCommand.help) : RetryCommand.run(rest)
        case "backup":
            return try rest.contains(where: isHelp) ? printHelp(BackupCommand.help) : BackupCommand.run(rest)
        case "help":
            return printHelp(helpText(for: rest.first))
        case let word? where isHelp(word):
            return printHelp(mainHelp)
        case "--version":
            print("syncdeck \(version)")
            return .success
        case let word? where !word.hasPrefix("-"):
            throw UsageError("unknown command \"\(word.escapingControlCharacters)\"; commands are run, retry, executions, show, backup and help")
        default:
            return try ConsoleCommand.run(words)
        }
    } catch let failure as CommandFailure {
        printError(failure.message)
        return failure.code
    } catch let usage as UsageError {
        printError("\(usage.description)\nRun `syncdeck \(command.map { $0.hasPrefix("-") ? "" : "\($0) " } ?? "")--help` for usage.")
        return .usage
    } catch {
        printError("\(error)")
        return .executionFailed
    }
}

let version = "0.1.0"

let mainHelp = """
SyncDeck \(version): trigger and watch sync executions from the terminal.

Usage:
  syncdeck                                  open the console on the built-in demo workspace
  syncdeck --workspace DIR [--theme NAME]   open the console on a workspace
  syncdeck run --workspace DIR CLIENT/SYNC [--date DAY | --from DAY --to DAY [--reimport]] [--confirm]
  syncdeck executions --workspace DIR [--json]
  syncdeck retry --workspace DIR EXECUTION_ID
  syncdeck show --workspace DIR EXECUTION_ID [--json]
  syncdeck backup --workspace DIR FILE [--force]
  syncdeck help COMMAND                     the options of one command

Exit codes: 0 FINISHED or success, 1 ERROR, 2 invalid command line, 3 FINISHED with warnings,
4 CANCELED, 5 request rejected (nothing ran), 6 workspace or state database unusable,
7 terminal not supported by the console.
"""

func helpText(for command: String?) -> String {
    switch command {
    case "run": return RunCommand.help
    case "executions": return ExecutionsCommand.help
    case "show": return ShowCommand.help
    case "retry": return RetryCommand.help
    case "backup": return BackupCommand.help
    default: return mainHelp
    }
}

func isHelp(_ word: String) -> Bool {
    word == "--help" || word == "-h"
}

func printHelp(_ text: String) -> ExitCode {
    print(text)
    return .success
}

func printError(_ message: String) {
    writeStandardError("syncdeck: \(message)\n")
}

/// Writes `text` to standard error, ignoring a terminal that is gone: the non-throwing
/// `FileHandle.write` would end the process there, before running executions are canceled.
func writeStandardError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}

setvbuf(stdout, nil, _IOLBF, 0)
exit(main(Array(CommandLine.arguments.dropFirst())).rawValue)
