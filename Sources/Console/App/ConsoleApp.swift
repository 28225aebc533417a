import SyncEngine
import SyncModel

/// The whole console: its screens, their state, and how keys and engine events change them.
///
/// It never touches the terminal: the runner feeds it input and engine events on the UI thread
/// and shows what `render` draws. Tests drive it the same way and read the buffer.
public final class ConsoleApp {
    public let engine: ExecutionEngine
    public let operatorName: String

    /// Set once the operator has asked to quit and confirmed it when executions were running.
    public private(set) var wantsQuit = false

    public init(engine: ExecutionEngine, operatorName: String) {
        self.engine = engine
        self.operatorName = operatorName
    }

    /// Reacts to a key or a resize.
    public func handle(_ event: InputEvent) {
        if case .key(.character("q")) = event {
            wantsQuit = true
        }
    }

    /// Takes in an engine event; call on the UI thread.
    public func apply(_ event: ExecutionEvent) {}

    /// Asks the app whether quitting now needs the operator's confirmation, and opens that prompt
    /// (SIGINT does this).
    public func requestQuit() {
        wantsQuit = true
    }

    /// Draws the current state for a terminal of `size`.
    public func render(size: Size, unicode: Bool) -> ScreenBuffer {
        ScreenBuffer(size: size)
    }
}
