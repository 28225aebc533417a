import Foundation

enum OperatorName {
    /// Returns the login name of the user running SyncDeck, for the audit of who started what.
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let login = String(cString: name)
            if !login.isEmpty { return login }
        }
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }
}
