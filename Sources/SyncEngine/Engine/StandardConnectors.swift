import SyncModel

/// The connectors the workspace file can name: files in CSV or JSON Lines, and SQLite tables.
public struct StandardConnectors: ConnectorFactory {
    public init() {}

    public func makeSource(for sync: SyncDefinition, in workspace: Workspace) throws -> any RecordSource {
        switch sync.source {
        case .files(let format, let path):
            return FileSource(format: format, pathTemplate: path, workspaceFolder: workspace.folder,
                              requiredColumns: sync.schema?.map(\.name) ?? [])
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
