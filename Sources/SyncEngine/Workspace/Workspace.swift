import Foundation
import SyncModel

/// A folder holding `workspace.json` (clients, syncs) and the state database.
public struct Workspace: Sendable {
    /// The folder that relative paths of the workspace file are resolved against.
    public var folder: URL
    public var clients: [Client]

    public init(folder: URL, clients: [Client]) {
        self.folder = folder
        self.clients = clients
    }

    public static let fileName = "workspace.json"

    public var fileURL: URL { folder.appendingPathComponent(Workspace.fileName) }

    /// `.syncdeck/state.sqlite` inside the workspace.
    public var stateDatabaseURL: URL {
        folder.appendingPathComponent(".syncdeck", isDirectory: true).appendingPathComponent("state.sqlite")
    }

    public func client(id: String) -> Client? {
        clients.first { $0.id == id }
    }

    /// Returns the client and sync named `clientID/syncID`, or throws a rejection naming what exists.
    public func sync(clientID: String, syncID: String) throws -> (Client, SyncDefinition) {
        guard let client = client(id: clientID) else {
            let known = clients.map(\.id).joined(separator: ", ")
            throw RequestRejection(.unknownSync, "client \"\(clientID)\" is not in \(fileURL.path); known clients: \(known)")
        }
        guard let sync = client.sync(id: syncID) else {
            let known = client.syncs.map(\.id).joined(separator: ", ")
            throw RequestRejection(.unknownSync, "client \"\(clientID)\" has no sync \"\(syncID)\"; its syncs: \(known)")
        }
        return (client, sync)
    }

    /// Resolves a path of the workspace file against the workspace folder.
    public func resolve(_ path: String) -> URL {
        if path.hasPrefix("/") {
            return URL(fileURLWithPath: path)
        }
        return folder.appendingPathComponent(path)
    }
}
