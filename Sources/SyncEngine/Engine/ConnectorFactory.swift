import SyncModel

/// Builds the source and the destination that a sync's configuration describes.
///
/// The engine requests a fresh pair for every execution; tests can pass their own factory to
/// put a source in front of the engine that behaves in a way no file would.
public protocol ConnectorFactory: Sendable {
    func makeSource(for sync: SyncDefinition, in workspace: Workspace) throws -> any RecordSource
    func makeDestination(for sync: SyncDefinition, in workspace: Workspace) throws -> any Destination
}
