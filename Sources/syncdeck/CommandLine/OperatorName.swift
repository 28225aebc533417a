import Foundation
import SyncEngine

enum OperatorName {
    /// Returns the login name of the user running SyncDeck, for the audit of who started what.
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        OperatorIdentity.current(environment: environment).login
    }
}
