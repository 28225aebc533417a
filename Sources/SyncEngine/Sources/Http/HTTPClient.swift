import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What came back from one HTTP request.
enum HTTPExchange {
    case response(status: Int, headers: [String: String], body: Data)
    /// The request failed before a response arrived: refused, unresolved, broken.
    case transportFailure(URLError)
    /// The response did not end within the timeout.
    case timedOut
    /// The execution was canceled while the request ran.
    case canceled
}

/// Sends requests one at a time and waits for each on the calling thread, which is the
/// execution's own thread, so a source reads pages as a file source reads lines.
///
/// Redirects are followed only within the origin of the request (scheme, host and port),
/// because the request's headers carry credentials that another host must not receive.
final class HTTPClient {
    /// How long the wait for a response lasts between two checks of the cancel request.
    static let cancelCheckInterval: TimeInterval = 0.05

    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: SameOriginRedirects(), delegateQueue: nil)
    }

    /// Sends `request` and waits for the whole response, at most `timeout` seconds.
    ///
    /// NOTE: the body is collected whole with no size limit, so one very large page is held in
    /// memory at once.
    func send(_ request: URLRequest, timeout: TimeInterval, isCanceled: () -> Bool) -> HTTPExchange {
        var request = request
        request.timeoutInterval = timeout
        let outcome = ExchangeOutcome()
        let task = session.dataTask(with: request) { data, response, error in
            outcome.complete(data: data, response: response, error: error)
        }
        task.resume()

        let deadline = Date().addingTimeInterval(timeout)
        while !outcome.wait(seconds: HTTPClient.cancelCheckInterval) {
            if isCanceled() {
                stop(task, outcome)
                return .canceled
            }
            if Date() >= deadline {
                stop(task, outcome)
                return .timedOut
            }
        }
        return outcome.exchange
    }

    /// Ends the session; requests still running are canceled.
    func invalidate() {
        session.invalidateAndCancel()
    }

    private func stop(_ task: URLSessionDataTask, _ outcome: ExchangeOutcome) {
        task.cancel()
        // The completion handler runs after a cancel; the bound only guards against a lost one.
        _ = outcome.wait(seconds: 5)
    }
}

/// The result of a data task, handed from URLSession's queue to the waiting thread.
private final class ExchangeOutcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: HTTPExchange = .timedOut
    private var isComplete = false

    func complete(data: Data?, response: URLResponse?, error: Error?) {
        let exchange: HTTPExchange
        if let response = response as? HTTPURLResponse, error == nil {
            var headers: [String: String] = [:]
            for (name, value) in response.allHeaderFields {
                if let name = name as? String, let value = value as? String {
                    headers[name.lowercased()] = value
                }
            }
            exchange = .response(status: response.statusCode, headers: headers, body: data ?? Data())
        } else if let error = error as? URLError {
            exchange = error.code == .timedOut ? .timedOut : .transportFailure(error)
        } else {
            exchange = .transportFailure(URLError(.unknown))
        }
        lock.lock()
        result = exchange
        isComplete = true
        lock.unlock()
        done.signal()
    }

    /// Waits up to `seconds`; returns whether the exchange is complete.
    func wait(seconds: TimeInterval) -> Bool {
        if done.wait(timeout: .now() + seconds) == .success {
            // Keep the signal for later waits, such as the one after a cancel.
            done.signal()
            return true
        }
        return false
    }

    var exchange: HTTPExchange {
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}

/// Refuses redirects that leave the origin of the request, so credentials stay with the host
/// they were written for; the redirect response itself then reaches the source.
private final class SameOriginRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let from = task.originalRequest?.url
        let sameOrigin = from.map { HTTPOrigin($0) == request.url.map(HTTPOrigin.init) } ?? false
        completionHandler(sameOrigin ? request : nil)
    }
}

/// The scheme, host and port of an address, which decide where credentials may be sent.
struct HTTPOrigin: Equatable {
    let scheme: String
    let host: String
    let port: Int

    init(_ url: URL) {
        scheme = url.scheme?.lowercased() ?? ""
        host = url.host?.lowercased() ?? ""
        port = url.port ?? (scheme == "https" ? 443 : 80)
    }
}
