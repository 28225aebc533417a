import Foundation
import Testing
import SyncModel
import SyncStore
@testable import SyncEngine

@Suite struct SQLiteDestinationTests {
    let folder: TemporaryFolder
    let monday = Day(year: 2026, month: 1, day: 5)!
    let tuesday = Day(year: 2026, month: 1, day: 6)!
    let schema = [
        FieldSpec(name: "id", type: .integer, required: true),
        FieldSpec(name: "amount", type: .decimal),
        FieldSpec(name: "paid", type: .boolean),
    ]

    init() throws {
        folder = try TemporaryFolder()
    }

    private var databaseURL: URL { folder.url.appendingPathComponent("out/acme.sqlite") }

    private func destination(_ mode: WriteMode, schema: [FieldSpec]?? = nil, partitioned: Bool = true,
                             table: String = "orders") -> SQLiteDestination {
        SQLiteDestination(databaseURL: databaseURL, displayPath: "out/acme.sqlite", table: table,
                          writeMode: mode, schema: schema ?? self.schema, partitioned: partitioned)
    }

    private func order(_ id: Int64, _ amount: Double) -> ValidRecord {
        ValidRecord(columns: ["id", "amount", "paid"], values: [.integer(id), .decimal(amount), .boolean(true)])
    }

    /// Writes `records` for `day` in one committed batch.
    private func importDay(_ destination: SQLiteDestination, _ day: Day?, _ records: [ValidRecord], execution: ExecutionID = 1) throws {
        let batch = try destination.begin(day: day, executionID: execution)
        for record in records {
            try batch.write(record)
        }
        try batch.finish()
        try destination.commitFinishedDays()
    }

    private func query(_ sql: String) throws -> [[SQLiteValue]] {
        try SQLiteConnection(path: databaseURL.path).query(sql)
    }

    private func count(_ whereClause: String = "1") throws -> Int64? {
        try query("SELECT COUNT(*) FROM orders WHERE \(whereClause)").first?.first?.integerValue
    }

    // MARK: - Table

    @Test func createsTableWithLineage() throws {
        let destination = destination(.append)
        try destination.prepare()
        destination.close()

        let columns = try query("PRAGMA table_info(orders)").map { [$0[1], $0[2]] }
        #expect(columns == [
            ["id", "INTEGER"], ["amount", "REAL"], ["paid", "INTEGER"],
            ["_syncdeck_day", "TEXT"], ["_syncdeck_execution", "INTEGER"],
        ])
    }

    @Test func walMode() throws {
        let destination = destination(.append)
        try destination.prepare()
        destination.close()
        #expect(try query("PRAGMA journal_mode").first?.first?.textValue == "wal")
    }

    @Test func addsMissingSchemaColumn() throws {
        try FileManager.default.createDirectory(at: databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SQLiteConnection(path: databaseURL.path).execute("CREATE TABLE orders (id INTEGER)")

        let destination = destination(.append)
        try destination.prepare()
        destination.close()

        let names = try query("PRAGMA table_info(orders)").compactMap { $0[1].textValue }
        #expect(names == ["id", "amount", "paid", "_syncdeck_day", "_syncdeck_execution"])
    }

    @Test func lineageValues() throws {
        let destination = destination(.append)
        try destination.prepare()
        try importDay(destination, monday, [order(1, 9.5)], execution: 42)
        destination.close()

        let rows = try query("SELECT id, amount, paid, _syncdeck_day, _syncdeck_execution FROM orders")
        #expect(rows == [[.integer(1), .real(9.5), .integer(1), .text("2026-01-05"), .integer(42)]])
    }

    // MARK: - Write modes

    @Test func appendTwiceDoubles() throws {
        let destination = destination(.append)
        try destination.prepare()
        try importDay(destination, monday, [order(1, 1), order(2, 2)])
        try importDay(destination, monday, [order(1, 1), order(2, 2)], execution: 2)
        destination.close()

        #expect(try count("_syncdeck_day = '2026-01-05'") == 4)
    }

    @Test func upsertTwiceKeepsOne() throws {
        let destination = destination(.upsert(key: ["id"]))
        try destination.prepare()
        try importDay(destination, monday, [order(1, 1), order(2, 2)])
        try importDay(destination, monday, [order(1, 10), order(2, 20)], execution: 2)
        destination.close()

        #expect(try count() == 2)
        #expect(try query("SELECT amount, _syncdeck_execution FROM orders WHERE id = 1") == [[.real(10), .integer(2)]])
    }

    @Test func upsertKeyNotInSchema() throws {
        let destination = destination(.upsert(key: ["code"]))
        let failure = try #require(throws: ExecutionFailure.self) { try destination.prepare() }
        #expect(failure.category == .configuration)
        #expect(failure.message.contains("\"code\""))
    }

    @Test func replaceTwiceKeepsOtherDays() throws {
        let destination = destination(.replace)
        try destination.prepare()
        try importDay(destination, tuesday, [order(9, 9)])
        try importDay(destination, monday, [order(1, 1), order(2, 2)])
        try importDay(destination, monday, [order(3, 3)], execution: 2)
        destination.close()

        #expect(try count("_syncdeck_day = '2026-01-05'") == 1)
        #expect(try count("_syncdeck_day = '2026-01-06'") == 1)
    }

    @Test func replaceSnapshot() throws {
        let destination = destination(.replace, partitioned: false)
        try destination.prepare()
        try importDay(destination, nil, [order(1, 1), order(2, 2)])
        try importDay(destination, nil, [order(3, 3)], execution: 2)
        destination.close()

        #expect(try count() == 1)
        #expect(try count("_syncdeck_day IS NULL") == 1)
    }

    // MARK: - Transactions

    @Test func rollbackLeavesNothing() throws {
        let destination = destination(.append)
        try destination.prepare()
        let batch = try destination.begin(day: monday, executionID: 1)
        try batch.write(order(1, 1))
        batch.rollback()
        destination.close()

        #expect(try count() == 0)
        #expect(try query("SELECT COUNT(*) FROM _syncdeck_imports").first?.first == .integer(0))
    }

    @Test func committedImports() throws {
        let destination = destination(.append)
        try destination.prepare()
        try importDay(destination, tuesday, [order(1, 1)], execution: 7)
        try importDay(destination, monday, [order(1, 1), order(2, 2)], execution: 7)
        try importDay(destination, monday, [order(3, 3)], execution: 8)

        let imports = try destination.committedImports(executionID: 7)
        destination.close()
        #expect(imports.map(\.day) == [monday, tuesday])
        #expect(imports.map(\.records) == [2, 1])
    }

    @Test func committedImportsWithoutDatabase() throws {
        let destination = destination(.append)
        #expect(try destination.committedImports(executionID: 1).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: databaseURL.path))
    }

    @Test func writeAfterCommit() throws {
        let destination = destination(.append)
        try destination.prepare()
        let batch = try destination.begin(day: monday, executionID: 1)
        try batch.finish()
        try destination.commitFinishedDays()
        #expect(throws: ExecutionFailure.self) { try batch.write(order(1, 1)) }
        destination.close()
    }

    @Test func lockedByAnotherProgram() throws {
        let destination = SQLiteDestination(databaseURL: databaseURL, displayPath: "out/acme.sqlite", table: "orders",
                                            writeMode: .append, schema: schema, partitioned: true, busyTimeout: 0.1)
        try destination.prepare()
        let other = try SQLiteConnection(path: databaseURL.path)
        try other.execute("BEGIN IMMEDIATE")
        defer { try? other.execute("ROLLBACK") }

        let failure = try #require(throws: ExecutionFailure.self) { try destination.begin(day: monday, executionID: 1) }
        destination.close()
        #expect(failure.category == .connectivity)
        #expect(failure.message.hasPrefix("database out/acme.sqlite is locked by another program"))
    }

    // MARK: - Failures

    @Test func parentIsAFile() throws {
        try folder.write("not a folder", to: "out")
        let destination = destination(.append)
        let failure = try #require(throws: ExecutionFailure.self) { try destination.prepare() }
        #expect(failure.message.contains("out/acme.sqlite"))
    }

    @Test func databaseIsAFolder() throws {
        try FileManager.default.createDirectory(at: databaseURL, withIntermediateDirectories: true)
        let destination = destination(.append)
        let failure = try #require(throws: ExecutionFailure.self) { try destination.prepare() }
        #expect(failure.category == .connectivity)
        #expect(failure.message.contains("out/acme.sqlite"))
    }

    @Test func reservedFieldName() throws {
        let destination = destination(.append, schema: [FieldSpec(name: "_syncdeck_day", type: .string)])
        let failure = try #require(throws: ExecutionFailure.self) { try destination.prepare() }
        #expect(failure.category == .configuration)
    }

    @Test func snapshotBatchWithDay() throws {
        let destination = destination(.append, partitioned: false)
        try destination.prepare()
        #expect(throws: ExecutionFailure.self) { try destination.begin(day: monday, executionID: 1) }
        destination.close()
    }

    // MARK: - Without a schema

    @Test func schemalessAddsColumns() throws {
        let destination = destination(.append, schema: .some(nil), partitioned: false, table: "customers")
        try destination.prepare()
        try importDay(destination, nil, [
            ValidRecord(columns: ["id", "name"], values: [.integer(1), .text("Ann")]),
            ValidRecord(columns: ["id", "city"], values: [.integer(2), .text("Paris")]),
        ])
        destination.close()

        let names = try query("PRAGMA table_info(customers)").compactMap { $0[1].textValue }
        #expect(names == ["_syncdeck_day", "_syncdeck_execution", "id", "name", "city"])
        #expect(try query("SELECT id, name, city FROM customers ORDER BY id") == [
            [.integer(1), .text("Ann"), .null], [.integer(2), .null, .text("Paris")],
        ])
    }

    @Test func schemalessRollbackThenWrite() throws {
        let destination = destination(.append, schema: .some(nil), partitioned: false, table: "customers")
        try destination.prepare()
        let batch = try destination.begin(day: nil, executionID: 1)
        try batch.write(ValidRecord(columns: ["id", "name"], values: [.integer(1), .text("Ann")]))
        batch.rollback()
        try importDay(destination, nil, [ValidRecord(columns: ["id", "name"], values: [.integer(2), .text("Bo")])], execution: 2)
        destination.close()

        #expect(try query("SELECT id, name FROM customers") == [[.integer(2), .text("Bo")]])
    }

    @Test func schemalessUpsert() throws {
        let destination = destination(.upsert(key: ["id"]), schema: .some(nil), partitioned: false, table: "customers")
        try destination.prepare()
        try importDay(destination, nil, [ValidRecord(columns: ["id", "name"], values: [.integer(1), .text("Ann")])])
        try importDay(destination, nil, [ValidRecord(columns: ["id", "name"], values: [.integer(1), .text("Anna")])], execution: 2)
        destination.close()

        #expect(try query("SELECT id, name FROM customers") == [[.integer(1), .text("Anna")]])
    }

    @Test func schemalessReservedField() throws {
        let destination = destination(.append, schema: .some(nil), partitioned: false, table: "customers")
        try destination.prepare()
        let batch = try destination.begin(day: nil, executionID: 1)
        let record = ValidRecord(columns: ["_syncdeck_execution"], values: [.integer(1)])
        let failure = try #require(throws: ExecutionFailure.self) { try batch.write(record) }
        batch.rollback()
        destination.close()
        #expect(failure.category == .configuration)
    }

    @Test func schemalessJSONLines() throws {
        try folder.write("{\"id\": 1, \"name\": \"Ann\"}\n{\"id\": 2, \"tags\": [\"vip\"], \"active\": true}\n",
                         to: "data/customers.jsonl")
        let source = FileSource(format: .jsonl, pathTemplate: "data/customers.jsonl", workspaceFolder: folder.url)
        let reader = try source.open(day: nil)
        let validator = RecordValidator(schema: nil, day: nil, location: reader.location)
        let destination = destination(.append, schema: .some(nil), partitioned: false, table: "customers")
        try destination.prepare()

        let batch = try destination.begin(day: nil, executionID: 1)
        while let item = try reader.next() {
            guard case .record(let record) = item, case .valid(let valid) = validator.validate(record) else { continue }
            try batch.write(valid)
        }
        reader.close()
        try batch.finish()
        try destination.commitFinishedDays()
        destination.close()

        #expect(try query("SELECT id, name, tags, active FROM customers ORDER BY id") == [
            [.integer(1), .text("Ann"), .null, .null],
            [.integer(2), .null, .text("[\"vip\"]"), .integer(1)],
        ])
    }

    // MARK: - Existing data

    @Test func upsertOverDuplicateRows() throws {
        let appending = destination(.append)
        try appending.prepare()
        try importDay(appending, monday, [order(1, 1), order(1, 1)])
        appending.close()

        let failure = try #require(throws: ExecutionFailure.self) { try destination(.upsert(key: ["id"])).prepare() }
        #expect(failure.category == .configuration)
        #expect(failure.message.contains("duplicate rows for the upsert key (id)"))
    }
}
