import Foundation
import SyncModel
import SyncStore
import Testing
import TestSupport
@testable import SyncEngine

/// Executions of a command sync through the engine, running scripts the test writes.
@Suite struct CommandEngineTests {
    let yesterday = WorkspaceFixture.yesterday

    /// A workspace whose `acme/export` sync runs `bin/export --day {date}` daily from yesterday.
    private func fixture(script: String, format: String = "jsonl") throws -> WorkspaceFixture {
        let fixture = try WorkspaceFixture(firstDay: yesterday, extraSyncs: """
            ,
            {
              "id": "export",
              "name": "Orders export",
              "partitioning": "daily",
              "firstDay": "\(yesterday)",
              "source": { "type": "command", "command": ["bin/export", "--day", "{date}"], "format": "\(format)",
                          "timeoutSeconds": 60 },
              "destination": { "type": "sqlite", "path": "out/acme.sqlite", "table": "exported", "writeMode": "append" },
              "schema": [ { "name": "id", "type": "integer", "required": true } ]
            }
            """)
        try fixture.folder.write("#!/bin/sh\n\(script)\n", to: "bin/export")
        chmod(fixture.url.appendingPathComponent("bin/export").path, 0o755)
        return fixture
    }

    private func start(_ fixture: WorkspaceFixture) throws -> (ExecutionEngine, Execution) {
        let workspace = try fixture.loadWorkspace()
        let store = try SQLiteStateStore(path: workspace.stateDatabaseURL.path)
        let connectors = StandardConnectors(environment: [:], httpRetryPolicy: .standard, commandStopGrace: 0.5)
        let engine = try ExecutionEngine(workspace: workspace, store: store, connectors: connectors)
        let started = try engine.start(clientID: "acme", syncID: "export", request: .default, confirmed: false, operatorName: "ops")
        return (engine, started)
    }

    @Test func recordsImportedAndFinished() throws {
        let fixture = try fixture(script: #"echo '{"id": 1}'; echo '{"id": 2}'; echo "done for $2" >&2"#)
        let (engine, started) = try start(fixture)
        let execution = try #require(engine.waitUntilFinished(started.id))
        let log = try engine.logs(executionID: started.id).map(\.message)

        #expect(execution.status == .finished)
        #expect(try fixture.destinationRowCount(table: "exported") == 2)
        #expect(log.contains { $0.hasSuffix("stderr: done for \(yesterday)") })
    }

    @Test func singerRecordsImported() throws {
        let fixture = try fixture(script: """
            echo '{"type": "SCHEMA", "stream": "orders", "schema": {}}'
            echo '{"type": "RECORD", "stream": "orders", "record": {"id": 5}}'
            echo '{"type": "STATE", "value": {"day": "'$2'"}}'
            """, format: "singer")
        let (engine, started) = try start(fixture)
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .finished)
        #expect(execution.progress.recordsWritten == 1)
    }

    @Test func invalidLinesFinishWithWarnings() throws {
        let fixture = try fixture(script: #"echo '{"id": 1}'; echo 'oops'"#)
        let (engine, started) = try start(fixture)
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .finishedWithWarnings)
        #expect(execution.warnings.map(\.kind) == [.inconsistentRow])
    }

    @Test func failedProgramRollsBackDay() throws {
        let fixture = try fixture(script: #"echo '{"id": 1}'; echo 'quota exceeded' >&2; exit 2"#)
        let (engine, started) = try start(fixture)
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .error)
        #expect(execution.failure?.category == .technical)
        #expect(try fixture.destinationRowCount(table: "exported") == 0)
        #expect(try engine.coverage(clientID: "acme", syncID: "export").latest.isEmpty)
    }

    @Test func exitSeventySevenEndsInAuthenticationError() throws {
        let fixture = try fixture(script: "echo 'token expired' >&2; exit 77")
        let (engine, started) = try start(fixture)
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .error)
        #expect(execution.failure?.category == .authentication)
    }

    @Test func cancelStopsProgram() throws {
        let fixture = try fixture(script: #"echo $$ > export.pid; echo '{"id": 1}'; exec sleep 300"#)
        let (engine, started) = try start(fixture)
        let pidFile = fixture.url.appendingPathComponent("export.pid")
        var waited = 0
        while !FileManager.default.fileExists(atPath: pidFile.path), waited < 2000 {
            usleep(10_000)
            waited += 1
        }

        engine.cancel(started.id)
        let execution = try #require(engine.waitUntilFinished(started.id))

        #expect(execution.status == .canceled)
        #expect(try fixture.destinationRowCount(table: "exported") == 0)
    }
}
