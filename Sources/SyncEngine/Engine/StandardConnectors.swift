import Foundation
import SyncModel

/// The connectors the workspace file can name: files in CSV or JSON Lines, HTTP APIs and
/// programs as sources, and SQLite tables as destinations.
public struct StandardConnectors: ConnectorFactory {
    /// Where `${NAME}` in an HTTP source takes its value.
    public let environment: [String: String]
    let httpRetryPolicy: RetryPolicy
    let commandStopGrace: TimeInterval

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(environment: environment, httpRetryPolicy: .standard, commandStopGrace: 5)
    }

    /// Tests pass short waits, so that retries and stops are checked in a moment.
    init(environment: [String: String], httpRetryPolicy: RetryPolicy, commandStopGrace: TimeInterval) {
        self.environment = environment
        self.httpRetryPolicy = httpRetryPolicy
        self.commandStopGrace = commandStopGrace
    }

    public func makeSource(for sync: SyncDefinition, in workspace: Workspace) throws -> any RecordSource {
        switch sync.source {
        case .files(let format, let path):
            return FileSource(format: format, pathTemplate: path, workspaceFolder: workspace.folder,
                              requiredColumns: sync.schema?.map(\.name) ?? [])
        case .http(let settings):
            return HTTPSource(settings: settings, environment: environment, retryPolicy: httpRetryPolicy)
        case .command(let settings):
            return CommandSource(settings: settings, workspaceFolder: workspace.folder, stopGrace: commandStopGrace)
        }
    }

    public func makeDestination(for sync: SyncDefinition, in workspace: Workspace) throws -> any Destination {
        switch sync.destination {
        case .sqlite(let path, let table, let writeMode):
            return SQLiteDestination(databaseURL: workspace.resolve(path), displayPath: path, table: table,
                                     writeMode: writeMode, schema: sync.schema, partitioned: sync.supportsPeriods)
        }
    }
}
