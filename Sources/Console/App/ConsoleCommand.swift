import SyncModel

/// An action a screen requests from the app after a key, beyond changing its own state.
enum ConsoleCommand {
    case none
    case openPlayDialog(clientID: String, syncID: String)
    case openDetails(ExecutionID)
    /// Closes the play dialog; `started` is the execution it started, if any.
    case closeDialog(started: Execution?)
    case closeDetails
    case ask(ConsolePrompt)
    case showHelp
    case quit
}

/// A yes/no question and what a yes does.
struct ConsolePrompt {
    enum Action {
        case cancelExecution(ExecutionID)
        case retryExecution(ExecutionID)
        case quit
    }

    var title: String
    var message: String
    var action: Action
}
