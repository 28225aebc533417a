import Foundation
import SyncModel
import Testing
@testable import SyncEngine

// MARK: - Fixtures

private let today = Day(year: 2026, month: 3, day: 30) ?? Day(ordinal: 0)

/// Creates a demo with few events a day, because the full demo writes about 50 MB.
private func smallDemo(in folder: WorkspaceFolder, today: Day = today) throws -> Workspace {
    try DemoWorkspace.create(at: folder.url, today: today, eventsPerDay: 50)
}

private func dataFile(_ folder: WorkspaceFolder, _ path: String) -> URL {
    folder.url.appendingPathComponent(path)
}

private func exists(_ url: URL) -> Bool {
    FileManager.default.fileExists(atPath: url.path)
}

// MARK: - Default folder

@Test func defaultFolderUsesXDGDataHome() {
    let folder = DemoWorkspace.defaultFolder(environment: ["XDG_DATA_HOME": "/data/xdg", "HOME": "/home/ops"])

    #expect(folder.path == "/data/xdg/syncdeck/demo")
}

@Test func defaultFolderFallsBackToHome() {
    let folder = DemoWorkspace.defaultFolder(environment: ["HOME": "/home/ops"])

    #expect(folder.path == "/home/ops/.local/share/syncdeck/demo")
}

@Test func defaultFolderIgnoresEmptyXDGDataHome() {
    let folder = DemoWorkspace.defaultFolder(environment: ["XDG_DATA_HOME": "", "HOME": "/home/ops"])

    #expect(folder.path == "/home/ops/.local/share/syncdeck/demo")
}

@Test func defaultFolderIgnoresRelativeXDGDataHome() {
    let folder = DemoWorkspace.defaultFolder(environment: ["XDG_DATA_HOME": "data", "HOME": "/home/ops"])

    #expect(folder.path == "/home/ops/.local/share/syncdeck/demo")
}

// MARK: - Creation

@Test func demoLoadsWithoutProblems() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)

    let workspace = try Workspace.load(folder: folder.url)

    #expect(workspace.clients.map(\.id) == ["acme", "globex", "initech", "cafe"])
}

@Test func demoClients() throws {
    let folder = try WorkspaceFolder()

    let workspace = try smallDemo(in: folder)

    #expect(workspace.client(id: "acme")?.timeZone.identifier == "Europe/Paris")
    #expect(workspace.client(id: "globex")?.timeZone.identifier == "America/New_York")
    #expect(workspace.client(id: "initech")?.timeZone.identifier == "Asia/Tokyo")
    #expect(workspace.client(id: "cafe")?.name == "Café Société")
}

@Test func demoHasDailyAndSnapshotSyncs() throws {
    let folder = try WorkspaceFolder()

    let syncs = try smallDemo(in: folder).clients.flatMap(\.syncs)

    #expect(syncs.contains { $0.supportsPeriods })
    #expect(syncs.contains { $0.partitioning == .none })
}

@Test func demoWriteModes() throws {
    let folder = try WorkspaceFolder()

    let workspace = try smallDemo(in: folder)

    #expect(workspace.client(id: "acme")?.sync(id: "orders")?.destination.writeMode == .append)
    #expect(workspace.client(id: "acme")?.sync(id: "customers")?.destination.writeMode == .upsert(key: ["id"]))
    #expect(workspace.client(id: "globex")?.sync(id: "returns")?.destination.writeMode == .replace)
    #expect(workspace.client(id: "initech")?.sync(id: "events")?.destination.writeMode == .upsert(key: ["event_id"]))
}

@Test func demoEndedContract() throws {
    let folder = try WorkspaceFolder()

    let sessions = try #require(try smallDemo(in: folder).client(id: "initech")?.sync(id: "sessions"))

    guard case .daily(_, let lastDay?) = sessions.partitioning else {
        Issue.record("sessions has no lastDay: \(sessions.partitioning)")
        return
    }
    #expect(lastDay < today.adding(days: -1))
}

@Test func demoRecentDaysHaveFiles() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)

    for day in [today.adding(days: -21), today.previous, today] {
        #expect(exists(dataFile(folder, "data/acme/orders/\(day).csv")), "orders \(day)")
    }
    #expect(exists(dataFile(folder, "data/initech/events/\(today.previous).csv")))
    #expect(exists(dataFile(folder, "data/acme/customers.jsonl")))
    #expect(exists(dataFile(folder, "README.txt")))
}

@Test func demoReturnsMissDay() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)

    #expect(!exists(dataFile(folder, "data/globex/returns/\(today.adding(days: -5)).jsonl")))
    #expect(exists(dataFile(folder, "data/globex/returns/\(today.adding(days: -6)).jsonl")))
    #expect(exists(dataFile(folder, "data/globex/returns/\(today.adding(days: -4)).jsonl")))
}

@Test func demoShipmentsHaveInvalidRecords() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)

    let withTextID = try String(contentsOf: dataFile(folder, "data/globex/shipments/\(today.adding(days: -2)).csv"), encoding: .utf8)
    let withBadTime = try String(contentsOf: dataFile(folder, "data/globex/shipments/\(today.adding(days: -6)).csv"), encoding: .utf8)
    let clean = try String(contentsOf: dataFile(folder, "data/globex/shipments/\(today.adding(days: -1)).csv"), encoding: .utf8)

    #expect(withTextID.contains("\nSH-"))
    #expect(withBadTime.contains("25:61"))
    #expect(!clean.contains("SH-"))
    #expect(!clean.contains("25:61"))
}

@Test func demoOrdersRows() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)

    let text = try String(contentsOf: dataFile(folder, "data/acme/orders/\(today.previous).csv"), encoding: .utf8)
    let lines = text.split(separator: "\n")

    #expect(lines.first == "id,amount,placed_at,status")
    #expect((51...201).contains(lines.count))
    let fields = try #require(lines.dropFirst().first?.split(separator: ",").map(String.init))
    #expect(fields.count == 4)
    #expect(Int(fields[0]) != nil)
    #expect(Double(fields[1]) != nil)
    #expect(fields[2].hasPrefix("\(today.previous)T"))
    #expect(fields[2].hasSuffix("+02:00") || fields[2].hasSuffix("+01:00"))
}

@Test func demoTimestampsAreISO8601() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)
    let formatter = ISO8601DateFormatter()

    let text = try String(contentsOf: dataFile(folder, "data/initech/events/\(today).csv"), encoding: .utf8)
    let stamps = text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").last.map(String.init) }

    #expect(stamps.count == 50)
    #expect(stamps.allSatisfy { formatter.date(from: $0) != nil })
    #expect(stamps.allSatisfy { $0.hasPrefix("\(today)T") })
    #expect(stamps.allSatisfy { $0.hasSuffix("+09:00") })
}

@Test func demoJSONLinesParse() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)

    let text = try String(contentsOf: dataFile(folder, "data/acme/customers.jsonl"), encoding: .utf8)
    let objects = text.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }

    #expect(objects.count == 120)
    #expect(objects.allSatisfy { $0?["id"] is Int })
}

@Test func demoIsDeterministic() throws {
    let first = try WorkspaceFolder()
    let second = try WorkspaceFolder()
    _ = try smallDemo(in: first)
    _ = try smallDemo(in: second)

    for path in ["workspace.json", "data/acme/orders/\(today.previous).csv", "data/globex/returns/\(today).jsonl",
                 "data/acme/customers.jsonl"] {
        let left = try Data(contentsOf: dataFile(first, path))
        let right = try Data(contentsOf: dataFile(second, path))
        #expect(left == right, "\(path)")
    }
}

// MARK: - Second start

@Test func createKeepsChangedWorkspaceFile() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)
    try folder.write(Workspace.minimalFileExample)

    let workspace = try smallDemo(in: folder)

    #expect(workspace.clients.map(\.id) == ["acme"])
    let text = try String(contentsOf: dataFile(folder, "workspace.json"), encoding: .utf8)
    #expect(text == Workspace.minimalFileExample)
}

@Test func createAddsDaysSinceCreation() throws {
    let folder = try WorkspaceFolder()
    _ = try smallDemo(in: folder)
    let later = today.adding(days: 8)

    _ = try smallDemo(in: folder, today: later)

    #expect(exists(dataFile(folder, "data/acme/orders/\(later.previous).csv")))
    #expect(exists(dataFile(folder, "data/globex/returns/\(later.adding(days: -5)).jsonl")))
    #expect(!exists(dataFile(folder, "data/globex/returns/\(today.adding(days: -5)).jsonl")))
}

@Test func createReportsUnwritableFolder() throws {
    let folder = try WorkspaceFolder()
    try folder.write("not a folder", to: "blocked")

    #expect(throws: WorkspaceError.self) {
        try DemoWorkspace.create(at: folder.url.appendingPathComponent("blocked/demo"), today: today, eventsPerDay: 10)
    }
}

@Test func createFullDemoSize() throws {
    let folder = try WorkspaceFolder()
    let started = Date()

    _ = try DemoWorkspace.create(at: folder.url, today: today)

    let elapsed = Date().timeIntervalSince(started)
    let size = try totalSize(of: folder.url)
    #expect(size < 60_000_000, "\(size) bytes")
    #expect(size > 30_000_000, "\(size) bytes")
    // A debug build took about 1.2 s on a 2-core machine. The bound leaves room for busy CI machines.
    #expect(elapsed < 20, "\(elapsed) seconds")
}

private func totalSize(of folder: URL) throws -> Int {
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
    var total = 0
    while let url = enumerator?.nextObject() as? URL {
        total += try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
    }
    return total
}
