import Foundation
import SyncModel
import SyncStore
import Testing
import TestSupport
@testable import SyncEngine

/// Executions of an HTTP sync through the engine, against a server the test starts.
@Suite struct HttpEngineTests {
    let yesterday = WorkspaceFixture.yesterday
    let token = "tok-engine-5e4d3c2b1a"

    /// A workspace whose `acme/api` sync reads `url` daily from yesterday, with a bearer token.
    private func fixture(url: String) throws -> WorkspaceFixture {
        try WorkspaceFixture(firstDay: yesterday, extraSyncs: """
            ,
            {
              "id": "api",
              "name": "Orders API",
              "partitioning": "daily",
              "firstDay": "\(yesterday)",
              "source": { "type": "http", "url": "\(url)", "headers": { "Authorization": "Bearer ${ACME_TOKEN}" },
                          "recordsPath": "data", "nextPagePath": "next", "timeoutSeconds": 10 },
              "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "api_orders", "writeMode": "append" }
            }
            """)
    }

    private func run(_ fixture: WorkspaceFixture, environment: [String: String]) throws -> (Execution, ExecutionEngine) {
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let connectors = StandardConnectors(environment: environment,
                                            httpRetryPolicy: RetryPolicy(attempts: 3, baseDelay: 0.01, maximumDelay: 0.02),
                                            commandStopGrace: 0.5)
        let engine = try ExecutionEngine(workspace: workspace, store: store, connectors: connectors)
        let started = try engine.start(clientID: "acme", syncID: "api", request: .default, confirmed: false, operatorName: "ops")
        return (try #require(engine.waitUntilFinished(started.id)), engine)
    }

    @Test func pagesImportedAndFinished() throws {
        let server = try TestHTTPServer(responses: [
            .json(#"{"data": [{"id": 1}, {"id": 2}], "next": "/orders?page=2"}"#),
            .json(#"{"data": [{"id": 3}], "next": null}"#),
        ])
        let fixture = try fixture(url: server.url("/orders?day={date}"))

        let (execution, _) = try run(fixture, environment: ["ACME_TOKEN": token])

        #expect(execution.status == .finished)
        #expect(execution.progress.recordsWritten == 3)
        #expect(try fixture.destinationRowCount(table: "api_orders") == 3)
    }

    @Test func unauthorizedEndsInAuthenticationError() throws {
        let server = try TestHTTPServer(responses: [TestHTTPServer.Response(status: 401, body: #"{"error": "bad token"}"#)])
        let fixture = try fixture(url: server.url("/orders?day={date}"))

        let (execution, _) = try run(fixture, environment: ["ACME_TOKEN": token])

        #expect(execution.status == .error)
        #expect(execution.failure?.category == .authentication)
        #expect(execution.progress.days.map(\.state) == [.failed])
    }

    @Test func missingTokenEndsInConfigurationError() throws {
        let server = try TestHTTPServer(responses: [])
        let fixture = try fixture(url: server.url("/orders?day={date}"))

        let (execution, _) = try run(fixture, environment: [:])

        #expect(execution.status == .error)
        #expect(execution.failure?.category == .configuration)
        #expect(execution.failure?.message.contains("ACME_TOKEN") == true)
    }

    @Test func retriesLoggedInExecutionLog() throws {
        let server = try TestHTTPServer(responses: [
            TestHTTPServer.Response(status: 429, headers: [("Retry-After", "2")], body: "slow down"),
            .json(#"{"data": [{"id": 1}]}"#),
        ])
        let fixture = try fixture(url: server.url("/orders?day={date}"))

        let (execution, engine) = try run(fixture, environment: ["ACME_TOKEN": token])
        let log = try engine.logs(executionID: execution.id).map(\.message)

        #expect(execution.status == .finished)
        #expect(log.contains { $0.contains("HTTP 429") && $0.contains("retrying") })
    }

    @Test func tokenAbsentFromStoredExecution() throws {
        let server = try TestHTTPServer { request in
            TestHTTPServer.Response(status: 403, body: "token \(request.headers["authorization"] ?? "") may not read")
        }
        let fixture = try fixture(url: server.url("/orders?day={date}"))

        let (execution, engine) = try run(fixture, environment: ["ACME_TOKEN": token])
        let log = try engine.logs(executionID: execution.id).map(\.message).joined(separator: "\n")

        let failure = try #require(execution.failure)
        #expect(failure.category == .authorization)
        #expect(!failure.description.contains(token))
        #expect(!log.contains(token))
    }
}
