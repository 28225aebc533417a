import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncModel

/// Reads the records of an HTTP source page by page, holding one page at a time.
///
/// HTTP 429 and 5xx are asked again after a wait, as the retry policy and the server's
/// `Retry-After` require, and each retry is logged. A cancel stops the request or the wait at
/// once; `next()` then returns `nil`.
final class HTTPPageReader: RecordReader {
    /// The first page's address as written in the workspace, with `{date}` filled in.
    let location: String

    private let settings: HTTPSourceSettings
    private let request: HTTPPageRequest
    private let day: Day?
    private let context: SourceContext
    private let retryPolicy: RetryPolicy
    private let client = HTTPClient()
    private let origin: HTTPOrigin

    private var page: HTTPPage?
    private var nextURL: URL?
    private var visited: Set<URL> = []
    private var pagesRead = 0
    private var recordsRead = 0

    init(settings: HTTPSourceSettings, request: HTTPPageRequest, day: Day?, context: SourceContext, retryPolicy: RetryPolicy) {
        self.location = request.display
        self.settings = settings
        self.request = request
        self.day = day
        self.context = context
        self.retryPolicy = retryPolicy
        self.origin = HTTPOrigin(request.url)
        self.nextURL = request.url
    }

    func next() throws -> SourceItem? {
        while true {
            if let item = page?.nextItem(number: recordsRead + 1, location: location, day: day) {
                recordsRead += 1
                return item
            }
            guard let url = nextURL else { return nil }
            guard let loaded = try load(url) else { return nil }
            page = loaded
            nextURL = try nextPageURL(after: loaded, at: url)
        }
    }

    func close() {
        page = nil
        client.invalidate()
    }

    // MARK: - Pages

    /// Fetches and reads the page at `url`; returns `nil` when the execution was canceled.
    private func load(_ url: URL) throws -> HTTPPage? {
        page = nil
        visited.insert(url)
        let address = describe(url)
        guard let body = try fetch(url, address: address) else { return nil }

        let loaded: HTTPPage
        do {
            loaded = try HTTPPage(body: body, recordsPath: settings.recordsPath, nextPagePath: settings.nextPagePath)
        } catch let problem as HTTPPage.Problem {
            throw HTTPFailure.notJSON(address: address, reason: problem.reason, body: body, secrets: request.secrets, day: day)
        }
        pagesRead += 1
        let more = loaded.nextAddress == nil ? "" : ", more pages follow"
        context.log(.info, "\(unitName): page \(pagesRead) from \(address): \(loaded.recordCount) records\(more)")
        return loaded
    }

    private func nextPageURL(after page: HTTPPage, at url: URL) throws -> URL? {
        guard let next = page.nextAddress else { return nil }
        guard let resolved = URL(string: next, relativeTo: url)?.absoluteURL else {
            let shown = ValueExcerpt.escaped(request.secrets.redact(next), limit: 120)
            throw HTTPFailure.notJSON(address: describe(url), reason: "the next page \"\(shown)\" is not an address",
                                      body: Data(), secrets: request.secrets, day: day)
        }
        guard HTTPOrigin(resolved) == origin else {
            throw HTTPFailure.nextPageElsewhere(address: describe(resolved), day: day)
        }
        guard !visited.contains(resolved) else {
            throw HTTPFailure.nextPageLoop(address: describe(resolved), day: day)
        }
        return resolved
    }

    // MARK: - Requests

    /// Returns the body of a successful response, or `nil` when the execution was canceled.
    private func fetch(_ url: URL, address: String) throws -> Data? {
        var attempt = 1
        while true {
            let exchange = client.send(request.request(for: url), timeout: settings.timeoutSeconds, isCanceled: context.isCanceled)
            switch exchange {
            case .canceled:
                return nil
            case .timedOut:
                throw HTTPFailure.timedOut(address: address, seconds: settings.timeoutSeconds, day: day)
            case .transportFailure(let error):
                throw HTTPFailure.transport(error, address: address, secrets: request.secrets, day: day)
            case .response(let status, let headers, let body):
                if (200..<300).contains(status) {
                    return body
                }
                guard HTTPPageReader.isRetryable(status), attempt < retryPolicy.attempts else {
                    throw HTTPFailure.status(status, address: address, body: body, attempts: attempt,
                                             secrets: request.secrets, day: day)
                }
                guard waitBeforeRetry(status: status, headers: headers, attempt: attempt, address: address) else {
                    return nil
                }
                attempt += 1
            }
        }
    }

    static func isRetryable(_ status: Int) -> Bool {
        status == 429 || (500..<600).contains(status)
    }

    /// Logs the retry and waits; returns `false` when the execution was canceled meanwhile.
    private func waitBeforeRetry(status: Int, headers: [String: String], attempt: Int, address: String) -> Bool {
        let asked = RetryPolicy.retryAfter(headers["retry-after"], now: Date())
        let delay = retryPolicy.delay(afterAttempt: attempt, retryAfter: asked)
        let reason = asked.map { ", Retry-After \(HTTPFailure.formatSeconds($0)) s" } ?? ""
        context.log(.warning, "\(unitName): \(address) returned HTTP \(status) (attempt \(attempt) of \(retryPolicy.attempts)\(reason)); retrying in \(HTTPFailure.formatSeconds(delay)) s")

        let end = Date().addingTimeInterval(delay)
        while Date() < end {
            if context.isCanceled() { return false }
            Thread.sleep(forTimeInterval: min(HTTPClient.cancelCheckInterval, max(end.timeIntervalSinceNow, 0)))
        }
        return !context.isCanceled()
    }

    // MARK: - Text

    /// The address as written in the workspace for the first page, and with secrets blanked
    /// for the pages the server pointed to.
    private func describe(_ url: URL) -> String {
        url == request.url ? request.display : ValueExcerpt.escaped(request.secrets.redact(url.absoluteString), limit: 200)
    }

    private var unitName: String {
        day.map(\.description) ?? "snapshot"
    }
}
