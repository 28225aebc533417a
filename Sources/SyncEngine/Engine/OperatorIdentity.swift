import Foundation

/// The account and SSH client behind this process, as the audit of each execution records them.
public struct OperatorIdentity: Hashable, Sendable {
    /// The login name of the account.
    public var login: String
    /// The address of the SSH client the session came from; `nil` outside SSH.
    public var address: String?

    public init(login: String, address: String?) {
        self.login = login
        self.address = address
    }

    /// Returns the identity of the current process: its account's login name, and the client
    /// address that `sshd` puts first in `SSH_CLIENT` or `SSH_CONNECTION`.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> OperatorIdentity {
        OperatorIdentity(login: loginName(environment: environment), address: sshClientAddress(environment: environment))
    }

    static func loginName(environment: [String: String]) -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let login = String(cString: name)
            if !login.isEmpty { return login }
        }
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    /// Returns the first word of `SSH_CLIENT` ("address port port"), else of `SSH_CONNECTION`
    /// ("address port address port"), when it is not empty.
    static func sshClientAddress(environment: [String: String]) -> String? {
        for name in ["SSH_CLIENT", "SSH_CONNECTION"] {
            if let value = environment[name], let first = value.split(separator: " ").first, !first.isEmpty {
                return String(first)
            }
        }
        return nil
    }
}
