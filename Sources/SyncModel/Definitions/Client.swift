import Foundation

/// A customer whose data the team imports; "a day" of its data is a calendar day in `timeZone`.
public struct Client: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var timeZone: TimeZone
    public var syncs: [SyncDefinition]

    public init(id: String, name: String, timeZone: TimeZone, syncs: [SyncDefinition]) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.syncs = syncs
    }

    public func sync(id: String) -> SyncDefinition? {
        syncs.first { $0.id == id }
    }
}
