import Foundation
import SyncEngine
import SyncModel
import SyncStore
import Testing
import TestSupport

/// Who started an execution and from where, as the engine records it.
@Suite struct EngineAuditTests {
    let yesterday = WorkspaceFixture.yesterday

    private func engine(_ fixture: WorkspaceFixture, identity: OperatorIdentity) throws -> ExecutionEngine {
        let workspace = try fixture.loadWorkspace()
        return try ExecutionEngine(workspace: workspace, store: try SQLiteStateStore(path: workspace.stateDatabaseURL.path),
                                   identity: identity)
    }

    @Test func start_recordsLoginAndAddress() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday)
        let engine = try engine(fixture, identity: OperatorIdentity(login: "mlopez", address: "10.0.0.7"))

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .singleDate(yesterday), confirmed: true,
                                       operatorName: "maria")
        _ = engine.waitUntilFinished(started.id)
        let stored = try #require(try fixture.openEngine().execution(id: started.id))

        #expect(stored.operatorName == "maria")
        #expect(stored.operatorLogin == "mlopez")
        #expect(stored.operatorAddress == "10.0.0.7")
        #expect(stored.confirmed)
        #expect(stored.request == .singleDate(yesterday))
    }

    @Test func start_withoutSSH() throws {
        let fixture = try WorkspaceFixture(firstDay: yesterday)
        let engine = try engine(fixture, identity: OperatorIdentity(login: "mlopez", address: nil))

        let started = try engine.start(clientID: "acme", syncID: "orders", request: .default, confirmed: false, operatorName: "mlopez")
        _ = engine.waitUntilFinished(started.id)
        #expect(try engine.execution(id: started.id)?.operatorAddress == nil)
    }

    @Test func identity_sshClient() {
        let identity = OperatorIdentity.current(environment: ["SSH_CLIENT": "192.0.2.10 51234 22",
                                                              "SSH_CONNECTION": "198.51.100.1 1 198.51.100.2 22"])
        #expect(identity.address == "192.0.2.10")
    }

    @Test func identity_sshConnection() {
        let identity = OperatorIdentity.current(environment: ["SSH_CONNECTION": "2001:db8::5 51234 2001:db8::1 22"])
        #expect(identity.address == "2001:db8::5")
    }

    @Test func identity_local() {
        #expect(OperatorIdentity.current(environment: [:]).address == nil)
    }

    @Test func identity_login() {
        #expect(!OperatorIdentity.current(environment: [:]).login.isEmpty)
    }
}
