import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncModel

/// The execution failures of an HTTP source, each naming the address as written in the
/// workspace file and never a secret.
enum HTTPFailure {
    /// The number of characters of a body quoted in a message.
    static let excerptLength = 120

    static func missingVariable(_ name: String, setting: String, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .configuration, "the environment variable \(name) used in the source's \(setting) is not set",
            hint: "Set \(name) in the environment of the user who runs SyncDeck, then retry the execution.",
            day: day)
    }

    static func invalidAddress(_ display: String, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .configuration, "the source url \(display) is not an http or https address once filled in",
            hint: "Fix the source's url in workspace.json, or the environment variables it uses, then retry.",
            day: day)
    }

    static func status(_ status: Int, address: String, body: Data, attempts: Int, secrets: SecretValues,
                       day: Day?) -> ExecutionFailure {
        let reason = "\(status) \(HTTPURLResponse.localizedString(forStatusCode: status))"
        let excerpt = bodyExcerpt(body, secrets: secrets).map { "; response body: \($0)" } ?? ""
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        let message = "\(address) returned HTTP \(reason)\(tries)\(excerpt)"

        switch status {
        case 401:
            return ExecutionFailure(.authentication, message,
                                    hint: "Check the credentials in the source's headers and the environment variables they name; renew an expired token, then retry.",
                                    day: day)
        case 403:
            return ExecutionFailure(.authorization, message,
                                    hint: "The credentials were accepted but may not read this data; ask the API's owner for access, then retry.",
                                    day: day)
        case 408, 429, 502, 503, 504:
            return ExecutionFailure(.connectivity, message,
                                    hint: "The server is busy or unavailable; retry the execution later, or ask the API's owner about its limits.",
                                    day: day)
        case 300..<400:
            return ExecutionFailure(.configuration, message + " (a redirect to another host is not followed, because it would receive the credentials)",
                                    hint: "Point the source's url at the final address in workspace.json, then retry.",
                                    day: day)
        case 400..<500:
            return ExecutionFailure(.configuration, message,
                                    hint: "Check the source's url, headers and {date} in workspace.json against the API's documentation, then retry.",
                                    day: day)
        default:
            return ExecutionFailure(.technical, message,
                                    hint: "The server failed; retry later, and report it to the API's owner if it persists.",
                                    day: day)
        }
    }

    static func timedOut(address: String, seconds: TimeInterval, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .connectivity, "\(address) did not answer within \(formatSeconds(seconds)) s",
            hint: "Check that the server is up and reachable from this host, or raise timeoutSeconds in workspace.json, then retry.",
            day: day)
    }

    static func transport(_ error: URLError, address: String, secrets: SecretValues, day: Day?) -> ExecutionFailure {
        let reason: String
        let category: ErrorCategory
        let hint: String
        switch error.code {
        case .cannotConnectToHost:
            (category, reason) = (.connectivity, "the connection was refused")
            hint = "Check that the server is up and listens on this address and port, then retry."
        case .cannotFindHost, .dnsLookupFailed:
            (category, reason) = (.connectivity, "the host name cannot be resolved")
            hint = "Check the host name in the source's url and this host's DNS settings, then retry."
        case .notConnectedToInternet, .networkConnectionLost, .internationalRoamingOff, .dataNotAllowed:
            (category, reason) = (.connectivity, "the network connection failed")
            hint = "Check this host's network connection, then retry."
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            (category, reason) = (.connectivity, "the secure connection failed")
            hint = "Check the server's TLS certificate and this host's certificate store, then retry."
        case .badURL, .unsupportedURL:
            (category, reason) = (.configuration, "the address is not valid")
            hint = "Fix the source's url in workspace.json, then retry."
        default:
            (category, reason) = (.technical, "the request failed")
            hint = "Check the log of this execution and the server, then retry."
        }
        let detail = secrets.redact(error.localizedDescription).escapingControlCharacters
        return ExecutionFailure(category, "\(address): \(reason) (\(detail))", hint: hint, day: day)
    }

    static func notJSON(address: String, reason: String, body: Data, secrets: SecretValues, day: Day?) -> ExecutionFailure {
        let start = bodyExcerpt(body, secrets: secrets) ?? "(an empty body)"
        return ExecutionFailure(
            .technical, "the response of \(address) is not the expected JSON: \(reason); it starts with \(start)",
            hint: "Check the source's url and recordsPath in workspace.json against what the API returns, then retry.",
            day: day)
    }

    static func nextPageLoop(address: String, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .technical, "the next page of \(address) is a page already read, so the pages would never end",
            hint: "Check nextPagePath in workspace.json: it must lead to the address of the following page.",
            day: day)
    }

    static func nextPageElsewhere(address: String, day: Day?) -> ExecutionFailure {
        ExecutionFailure(
            .configuration, "the next page \(address) is on another host, which would receive the credentials",
            hint: "Check nextPagePath in workspace.json; SyncDeck only follows pages on the host of the source's url.",
            day: day)
    }

    /// Returns the start of `body` with secrets blanked and control characters escaped, or
    /// `nil` for an empty body.
    static func bodyExcerpt(_ body: Data, secrets: SecretValues) -> String? {
        guard !body.isEmpty else { return nil }
        // Secrets are blanked before the cut, so that no part of one is left at the edge.
        let head = secrets.redact(String(decoding: body.prefix(excerptLength * 4), as: UTF8.self))
        let cut = head.count > excerptLength || body.count > excerptLength * 4
        let text = String(head.prefix(excerptLength)).escapingControlCharacters
        return "\"\(text)\(cut ? "…" : "")\""
    }

    static func formatSeconds(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.2g", seconds)
    }
}
