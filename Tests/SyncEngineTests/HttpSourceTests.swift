import Foundation
import SyncModel
import Testing
import TestSupport
@testable import SyncEngine

/// HTTP sources against a server the test starts on 127.0.0.1.
@Suite struct HttpSourceTests {
    let day = Day(year: 2026, month: 1, day: 5)
    let token = "tok-9f8e7d6c5b4a"
    let recorder = SourceContextRecorder()
    /// Retries that wait a moment, whatever the server's Retry-After says.
    let quickRetries = RetryPolicy(attempts: 3, baseDelay: 0.01, maximumDelay: 0.02)

    private func source(_ url: String, headers: [HTTPHeader] = [], recordsPath: [String] = ["data"],
                        nextPagePath: [String]? = nil, timeout: Double = 10,
                        environment: [String: String]? = nil) -> HTTPSource {
        let settings = HTTPSourceSettings(url: url, headers: headers, recordsPath: recordsPath,
                                          nextPagePath: nextPagePath, timeoutSeconds: timeout)
        return HTTPSource(settings: settings, environment: environment ?? ["ACME_TOKEN": token], retryPolicy: quickRetries)
    }

    private func failure(_ source: HTTPSource) throws -> ExecutionFailure {
        do {
            _ = try readAll(source, day: day, context: recorder.context)
        } catch let failure as ExecutionFailure {
            return failure
        }
        throw ServerError("the source read without failing")
    }

    // MARK: - Pages

    @Test func pagesFollowed() throws {
        let server = try TestHTTPServer { request in
            request.target.hasSuffix("page=2")
                ? .json(#"{"data": [{"id": 3}], "links": {"next": null}}"#)
                : .json(#"{"data": [{"id": 1}, {"id": 2}], "links": {"next": "/orders?day=2026-01-05&page=2"}}"#)
        }
        let items = try readAll(source(server.url("/orders?day={date}"), nextPagePath: ["links", "next"]),
                                day: day, context: recorder.context)

        #expect(items.compactMap { $0.record?.values } == [[.integer(1)], [.integer(2)], [.integer(3)]])
        #expect(server.requests.map(\.target) == ["/orders?day=2026-01-05", "/orders?day=2026-01-05&page=2"])
    }

    @Test func recordLinesCountAcrossPages() throws {
        let server = try TestHTTPServer(responses: [
            .json(#"{"data": [{"id": 1}, {"id": 2}], "next": "/p2"}"#),
            .json(#"{"data": [{"id": 3}]}"#),
        ])
        let items = try readAll(source(server.url("/p1"), nextPagePath: ["next"]), day: nil, context: recorder.context)

        #expect(items.map(\.record?.line) == [1, 2, 3])
    }

    @Test func wholeBodyIsTheArray() throws {
        let server = try TestHTTPServer(responses: [.json(#"[{"id": 1, "name": "Ada"}]"#)])
        let items = try readAll(source(server.url("/customers"), recordsPath: []), day: nil, context: recorder.context)

        #expect(items.first?.record?.names == ["id", "name"])
    }

    @Test func nestedRecordsPath() throws {
        let server = try TestHTTPServer(responses: [.json(#"{"result": {"items": [{"id": 1}], "total": 1}}"#)])
        let items = try readAll(source(server.url("/x"), recordsPath: ["result", "items"]), day: nil, context: recorder.context)

        #expect(items.count == 1)
    }

    @Test func elementNotAnObjectIsWarning() throws {
        let server = try TestHTTPServer(responses: [.json(#"{"data": [{"id": 1}, 42]}"#)])
        let items = try readAll(source(server.url("/x")), day: nil, context: recorder.context)

        #expect(items.last?.issue?.kind == .inconsistentRow)
        #expect(items.last?.issue?.line == 2)
    }

    @Test func pageLogged() throws {
        let server = try TestHTTPServer(responses: [.json(#"{"data": [{"id": 1}]}"#)])
        _ = try readAll(source(server.url("/x?day={date}")), day: day, context: recorder.context)

        #expect(recorder.messages.contains { $0.contains("page 1") && $0.contains("1 records") })
    }

    @Test func pageLoopFails() throws {
        let server = try TestHTTPServer { _ in .json(#"{"data": [], "next": "/same"}"#) }
        let failure = try failure(source(server.url("/same"), nextPagePath: ["next"]))

        #expect(failure.category == .technical)
    }

    @Test func nextPageOnOtherHostRefused() throws {
        let other = try TestHTTPServer(responses: [.json(#"{"data": []}"#)])
        let server = try TestHTTPServer(responses: [.json(#"{"data": [], "next": "\#(other.url("/p2"))"}"#)])
        let failure = try failure(source(server.url("/p1"), headers: [HTTPHeader(name: "Authorization", value: "Bearer ${ACME_TOKEN}")],
                                         nextPagePath: ["next"]))

        #expect(failure.category == .configuration)
        #expect(other.requests.isEmpty)
    }

    @Test func redirectToOtherHostNotFollowed() throws {
        let other = try TestHTTPServer(responses: [.json(#"{"data": []}"#)])
        let server = try TestHTTPServer(responses: [TestHTTPServer.Response(status: 302, headers: [("Location", other.url("/x"))])])
        let failure = try failure(source(server.url("/x"), headers: [HTTPHeader(name: "Authorization", value: "Bearer ${ACME_TOKEN}")]))

        #expect(failure.category == .configuration)
        #expect(other.requests.isEmpty)
    }

    // MARK: - Environment

    @Test func headerTakesEnvironmentValue() throws {
        let server = try TestHTTPServer(responses: [.json(#"{"data": []}"#)])
        _ = try readAll(source(server.url("/x"), headers: [HTTPHeader(name: "Authorization", value: "Bearer ${ACME_TOKEN}")]),
                        day: nil, context: recorder.context)

        #expect(server.requests.first?.headers["authorization"] == "Bearer \(token)")
    }

    @Test func missingVariableIsConfiguration() throws {
        let server = try TestHTTPServer(responses: [])
        let failure = try failure(source(server.url("/x"), headers: [HTTPHeader(name: "Authorization", value: "Bearer ${ACME_TOKEN}")],
                                         environment: [:]))

        #expect(failure.category == .configuration)
        #expect(failure.message.contains("ACME_TOKEN"))
        #expect(server.requests.isEmpty)
    }

    @Test func tokenNeverShown() throws {
        let server = try TestHTTPServer { request in
            TestHTTPServer.Response(status: 401, body: "{\"error\": \"token \(request.headers["authorization"] ?? "") refused\"}")
        }
        let failure = try failure(source(server.url("/x?key=${ACME_TOKEN}&day={date}"),
                                         headers: [HTTPHeader(name: "Authorization", value: "Bearer ${ACME_TOKEN}")]))

        #expect(failure.category == .authentication)
        #expect(!failure.description.contains(token))
        #expect(failure.message.contains("key=${ACME_TOKEN}"))
        #expect(failure.message.contains(SecretValues.mask))
        #expect(!recorder.messages.joined().contains(token))
    }

    // MARK: - Failures

    @Test(arguments: [(401, ErrorCategory.authentication), (403, .authorization), (404, .configuration)])
    func statusCategory(status: Int, category: ErrorCategory) throws {
        let server = try TestHTTPServer(responses: [TestHTTPServer.Response(status: status, body: "{}")])
        let failure = try failure(source(server.url("/x")))

        #expect(failure.category == category)
        #expect(failure.message.contains("HTTP \(status)"))
    }

    @Test func retryAfterHonoured() throws {
        let server = try TestHTTPServer(responses: [
            TestHTTPServer.Response(status: 503, headers: [("Retry-After", "7")], body: "busy"),
            .json(#"{"data": [{"id": 1}]}"#),
        ])
        let items = try readAll(source(server.url("/x")), day: nil, context: recorder.context)

        #expect(items.count == 1)
        #expect(server.requests.count == 2)
        #expect(recorder.messages.contains { $0.contains("HTTP 503") && $0.contains("Retry-After 7 s") })
    }

    @Test func tooManyRequestsRetriedThenConnectivity() throws {
        let server = try TestHTTPServer { _ in TestHTTPServer.Response(status: 429, headers: [("Retry-After", "1")], body: "slow down") }
        let failure = try failure(source(server.url("/x")))

        #expect(failure.category == .connectivity)
        #expect(server.requests.count == 3)
        #expect(recorder.messages.filter { $0.contains("HTTP 429") }.count == 2)
    }

    @Test func serverErrorRetriedThenTechnical() throws {
        let server = try TestHTTPServer { _ in TestHTTPServer.Response(status: 500, body: "boom") }
        let failure = try failure(source(server.url("/x")))

        #expect(failure.category == .technical)
        #expect(server.requests.count == 3)
    }

    @Test func refusedConnectionIsConnectivity() throws {
        let port = try TestHTTPServer.unusedPort()
        let failure = try failure(source("http://127.0.0.1:\(port)/x"))

        #expect(failure.category == .connectivity)
        #expect(failure.message.contains("refused"))
    }

    @Test func slowServerTimesOut() throws {
        let server = try TestHTTPServer(responses: [TestHTTPServer.Response(body: "[]", delay: 30)])
        let failure = try failure(source(server.url("/x"), timeout: 0.3))

        #expect(failure.category == .connectivity)
        #expect(failure.message.contains("did not answer"))
    }

    @Test func bodyNotJSONShownEscaped() throws {
        let server = try TestHTTPServer(responses: [TestHTTPServer.Response(body: "<html>\u{1B}[31mdown</html>")])
        let failure = try failure(source(server.url("/x")))

        #expect(failure.category == .technical)
        #expect(failure.message.contains("<html>\\e[31mdown"))
    }

    @Test func missingRecordsPathIsTechnical() throws {
        let server = try TestHTTPServer(responses: [.json(#"{"items": []}"#)])
        let failure = try failure(source(server.url("/x")))

        #expect(failure.category == .technical)
        #expect(failure.message.contains("\"data\""))
    }

    // MARK: - Cancel

    @Test func cancelStopsWaitingRequest() throws {
        let server = try TestHTTPServer(responses: [TestHTTPServer.Response(body: "[]", delay: 30)])
        recorder.cancel(after: 0.2)

        let items = try readAll(source(server.url("/x"), timeout: 60), day: nil, context: recorder.context)

        #expect(items.isEmpty)
        #expect(server.requests.count == 1)
    }
}
