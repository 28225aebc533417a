import SyncModel

extension Workspace {
    /// A description of the workspace file's format, for help output and for operators who
    /// have no workspace file yet.
    public static var formatHelp: String {
        let formats = FileFormat.allCases.map(\.rawValue).joined(separator: ", ")
        let types = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
        return """
        workspace.json lists the clients and their syncs:

          {"clients": [{"id": "acme", "name": "Acme Retail", "timeZone": "Europe/Paris", "syncs": [
            {"id": "orders", "name": "Orders", "partitioning": "daily", "firstDay": "2026-01-01",
             "source": {"type": "files", "format": "csv", "path": "data/orders/{date}.csv"},
             "destination": {"type": "sqlite", "path": "out/acme.sqlite", "table": "orders",
                             "writeMode": "append"},
             "schema": [{"name": "id", "type": "integer", "required": true}]}]}]}

        Client and sync ids use letters, digits, - and _; they are typed as CLIENT/SYNC.
        timeZone is an IANA name; a client's day is a calendar day in that zone.
        partitioning is "daily" (firstDay required, lastDay optional, both YYYY-MM-DD)
        or "none" for a snapshot sync, which has no days.
        source.type is files, http or command. A files source has a format among
        \(formats) and a path; a daily path contains {date}, replaced by the day as
        YYYY-MM-DD; a snapshot path names one file.
        An http source has a url, and optionally headers, recordsPath, nextPagePath
        and timeoutSeconds; ${NAME} takes the environment variable NAME.
        A command source has a command array (program, then arguments with {date}),
        and optionally format (jsonl or singer), stream and timeoutSeconds.
        destination.writeMode is append, replace, or upsert with "key": ["field", ...].
        schema is optional; field types are \(types). A field may add rules:
        "min"/"max" (integer, decimal, date, timestamp), "pattern" (string, whole text),
        "enum" (string, integer) and "unique": true (within a day).
        Relative paths are resolved against the folder of workspace.json.
        """
    }
}
