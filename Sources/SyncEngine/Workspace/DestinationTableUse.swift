import Foundation
import SyncModel

/// A sync's destination table, kept while decoding to find two syncs that write one table
/// with different schemas.
struct DestinationTableUse {
    /// The sync as `CLIENT/SYNC`, or its JSON path when the client id is invalid.
    let owner: String
    let tablePath: JSONPath
    /// The database file as the workspace file writes it, for messages.
    let writtenPath: String
    /// The database file resolved against the workspace folder, for comparisons.
    let file: URL
    let table: String
    let schema: [FieldSpec]?

    /// Returns whether both uses name one table: the same file, and table names that SQLite treats as equal.
    func sharesTable(with other: DestinationTableUse) -> Bool {
        file == other.file && table.lowercased() == other.table.lowercased()
    }

    /// The columns the schema implies, by name and type; the order and `required` do not
    /// change the table.
    var columns: Set<String>? {
        schema.map { Set($0.map { "\($0.name.lowercased()):\($0.type.rawValue)" }) }
    }
}

extension WorkspaceDecoder {
    /// Reports every sync that writes a table an earlier sync writes with another schema,
    /// because the second sync's rows would not fit the table the first one created.
    func checkDestinationTables() {
        for (index, use) in destinationTables.enumerated() {
            let earlier = destinationTables[..<index].first { $0.sharesTable(with: use) }
            guard let earlier, earlier.columns != use.columns else { continue }

            report(use.tablePath,
                   "table \(JSONText.quoted(use.table)) of \(JSONText.quoted(use.writtenPath)) is also written by \(earlier.owner) with a different schema",
                   fix: "give this sync its own table, or give both syncs the same schema")
        }
    }
}
