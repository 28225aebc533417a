import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import CCurlLoader
import SyncModel

/// Records read from a JSON API over HTTP, one page at a time.
///
/// Each open fills `{date}` and the `${NAME}` variables in the url and the headers, then
/// the reader asks for the first page and follows `nextPagePath` from page to page.
public final class HTTPSource: RecordSource {
    public let settings: HTTPSourceSettings
    private let environment: [String: String]
    let retryPolicy: RetryPolicy

    /// - Parameter environment: where `${NAME}` takes its value, normally the process's environment.
    public convenience init(settings: HTTPSourceSettings, environment: [String: String]) {
        self.init(settings: settings, environment: environment, retryPolicy: .standard)
    }

    /// Tests pass a policy with short waits, so that retries are checked in a moment.
    init(settings: HTTPSourceSettings, environment: [String: String], retryPolicy: RetryPolicy) {
        self.settings = settings
        self.environment = environment
        self.retryPolicy = retryPolicy
    }

    public func open(day: Day?) throws -> any RecordReader {
        try open(day: day, context: .detached)
    }

    public func open(day: Day?, context: SourceContext) throws -> any RecordReader {
        // URLSession needs libcurl, which a static build of SyncDeck loads only now.
        guard syncdeck_curl_is_available() != 0 else {
            throw ExecutionFailure(.configuration, "HTTP sources need libcurl, which could not be loaded (libcurl.so.4)",
                                   hint: "Install libcurl on this machine (Debian and Ubuntu: apt-get install libcurl4), then retry.",
                                   day: day)
        }
        let request = try firstRequest(day: day)
        return HTTPPageReader(settings: settings, request: request, day: day, context: context, retryPolicy: retryPolicy)
    }

    /// Builds the request of the first page with every template filled in.
    ///
    /// - Throws: `ExecutionFailure` (configuration) for an unset variable or an invalid address.
    func firstRequest(day: Day?) throws -> HTTPPageRequest {
        var secrets = SecretValues()
        let urlTemplate = try template(settings.url, setting: "url", day: day)
        let display = urlTemplate.display(day: day)
        let address = try expand(urlTemplate, setting: "url", day: day, secrets: &secrets)
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(),
              ["http", "https"].contains(scheme), url.host != nil else {
            throw HTTPFailure.invalidAddress(display, day: day)
        }

        var headers: [(name: String, value: String)] = []
        for header in settings.headers {
            let setting = "header \(header.name)"
            let value = try expand(try template(header.value, setting: setting, day: day), setting: setting,
                                   day: day, secrets: &secrets)
            headers.append((header.name, value))
        }
        return HTTPPageRequest(url: url, display: display, headers: headers, secrets: secrets)
    }

    private func template(_ text: String, setting: String, day: Day?) throws -> EnvironmentTemplate {
        do {
            return try EnvironmentTemplate(text)
        } catch let problem as TemplateProblem {
            // The workspace loader rejects these first; a source built in code may still hold one.
            throw ExecutionFailure(.configuration, "the source's \(setting) is not valid: \(problem.reason)",
                                   hint: "Write variables as ${NAME} in workspace.json, then retry.", day: day)
        }
    }

    private func expand(_ template: EnvironmentTemplate, setting: String, day: Day?,
                        secrets: inout SecretValues) throws -> String {
        do {
            return try template.expand(day: day, environment: environment, secrets: &secrets)
        } catch let missing as MissingVariable {
            throw HTTPFailure.missingVariable(missing.name, setting: setting, day: day)
        }
    }
}

/// The first request of a source's pages, with its templates filled in.
struct HTTPPageRequest {
    let url: URL
    /// The url as written in the workspace with `{date}` filled in, safe to show.
    let display: String
    /// The headers with their values filled in; never shown.
    let headers: [(name: String, value: String)]
    let secrets: SecretValues

    /// The request of the page at `url`, carrying the source's headers.
    func request(for url: URL) -> URLRequest {
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for header in headers {
            request.setValue(header.value, forHTTPHeaderField: header.name)
        }
        return request
    }
}
