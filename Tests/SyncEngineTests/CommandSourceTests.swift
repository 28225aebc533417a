import Foundation
import SyncModel
import Testing
@testable import SyncEngine

/// Command sources running small shell scripts that the tests write.
@Suite struct CommandSourceTests {
    let folder: TemporaryFolder
    let day = Day(year: 2026, month: 1, day: 5)
    let recorder = SourceContextRecorder()

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Writes an executable script at `bin/NAME` and returns its relative path.
    private func script(_ name: String, _ body: String) throws -> String {
        let url = try folder.write("#!/bin/sh\n" + body + "\n", to: "bin/\(name)")
        chmod(url.path, 0o755)
        return "bin/\(name)"
    }

    private func source(_ command: [String], format: CommandOutputFormat = .jsonl, timeout: Double = 60,
                        stream: String? = nil) -> CommandSource {
        CommandSource(settings: CommandSourceSettings(command: command, format: format, timeoutSeconds: timeout, stream: stream),
                      workspaceFolder: folder.url, stopGrace: 0.5)
    }

    private func failure(_ source: CommandSource) throws -> ExecutionFailure {
        do {
            _ = try readAll(source, day: day, context: recorder.context)
        } catch let failure as ExecutionFailure {
            return failure
        }
        throw CommandTestError.readWithoutFailing
    }

    // MARK: - Records

    @Test func jsonLinesRecords() throws {
        let program = try script("export", #"echo '{"id": 1, "day": "'"$2"'"}'; echo; echo '{"id": 2}'"#)
        let items = try readAll(source([program, "--day", "{date}"]), day: day, context: recorder.context)

        #expect(items.compactMap { $0.record?.values } == [[.integer(1), .text("2026-01-05")], [.integer(2)]])
        #expect(items.map(\.record?.line) == [1, 3])
    }

    @Test func argumentsPassedWithoutShell() throws {
        let program = try script("echo-arg", #"printf '{"arg": "%s"}\n' "$1""#)
        let items = try readAll(source([program, "a b; $(rm -rf x) *"]), day: nil, context: recorder.context)

        #expect(items.first?.record?.values == [.text("a b; $(rm -rf x) *")])
    }

    @Test func workingFolderIsWorkspace() throws {
        try folder.write("{\"id\": 7}\n", to: "data/one.jsonl")
        let items = try readAll(source(["cat", "data/one.jsonl"]), day: nil, context: recorder.context)

        #expect(items.first?.record?.values == [.integer(7)])
    }

    @Test func invalidLinesAreWarnings() throws {
        let program = try script("export", #"echo '{"id": 1}'; echo 'not json'; echo '[1, 2]'"#)
        let items = try readAll(source([program]), day: nil, context: recorder.context)

        #expect(items.compactMap(\.issue).map(\.line) == [2, 3])
        #expect(items.compactMap(\.issue).allSatisfy { $0.kind == .inconsistentRow })
    }

    @Test func lastLineWithoutBreakRead() throws {
        let program = try script("export", #"printf '{"id": 1}\n{"id": 2}'"#)
        let items = try readAll(source([program]), day: nil, context: recorder.context)

        #expect(items.count == 2)
    }

    @Test func manyRecordsStreamed() throws {
        let program = try script("export", #"i=0; while [ $i -lt 5000 ]; do echo "{\"id\": $i}"; echo "progress $i" >&2; i=$((i+1)); done"#)
        let items = try readAll(source([program]), day: nil, context: recorder.context)

        #expect(items.count == 5000)
    }

    // MARK: - Singer

    @Test func singerRecords() throws {
        let program = try script("tap", """
            echo '{"type": "SCHEMA", "stream": "orders", "schema": {}, "key_properties": ["id"]}'
            echo '{"type": "RECORD", "stream": "orders", "record": {"id": 1, "amount": 9.5}}'
            echo '{"type": "STATE", "value": {"bookmark": "2026-01-05"}}'
            echo '{"type": "RECORD", "stream": "orders", "record": {"id": 2, "amount": 3}}'
            """)
        let items = try readAll(source([program], format: .singer), day: nil, context: recorder.context)

        #expect(items.compactMap { $0.record?.values } == [[.integer(1), .decimal(9.5)], [.integer(2), .integer(3)]])
        #expect(items.map(\.record?.line) == [2, 4])
    }

    @Test func singerSchemaAndStateLogged() throws {
        let program = try script("tap", """
            echo '{"type": "SCHEMA", "stream": "orders", "schema": {}}'
            echo '{"type": "STATE", "value": {"bookmark": "2026-01-05"}}'
            """)
        _ = try readAll(source([program], format: .singer), day: nil, context: recorder.context)

        #expect(recorder.messages.contains { $0.contains("SCHEMA") && $0.contains("orders") })
        #expect(recorder.messages.contains { $0.contains("STATE") && $0.contains("bookmark") })
    }

    @Test func singerStreamChosen() throws {
        let program = try script("tap", """
            echo '{"type": "RECORD", "stream": "orders", "record": {"id": 1}}'
            echo '{"type": "RECORD", "stream": "refunds", "record": {"id": 2}}'
            """)
        let items = try readAll(source([program], format: .singer, stream: "orders"), day: nil, context: recorder.context)

        #expect(items.count == 1)
    }

    @Test func singerMessageWithoutTypeIsWarning() throws {
        let program = try script("tap", #"echo '{"record": {"id": 1}}'"#)
        let items = try readAll(source([program], format: .singer), day: nil, context: recorder.context)

        #expect(items.first?.issue?.kind == .inconsistentRow)
    }

    // MARK: - Failures

    @Test func stderrLogged() throws {
        let program = try script("export", "echo 'fetching page 1' >&2; printf 'bell\\007\\n' >&2")
        _ = try readAll(source([program]), day: nil, context: recorder.context)

        #expect(recorder.messages.contains { $0.hasSuffix("stderr: fetching page 1") })
        #expect(recorder.messages.contains { $0.hasSuffix("stderr: bell\\u{7}") })
    }

    @Test func nonZeroExitIsTechnical() throws {
        let program = try script("export", "echo '{\"id\": 1}'; echo 'disk full' >&2; exit 3")
        let failure = try failure(source([program]))

        #expect(failure.category == .technical)
        #expect(failure.message.contains("exited with code 3"))
        #expect(failure.message.contains("disk full"))
    }

    @Test func exitSeventySevenIsAuthentication() throws {
        let program = try script("export", "echo 'API key rejected' >&2; exit 77")
        let failure = try failure(source([program]))

        #expect(failure.category == .authentication)
        #expect(failure.message.contains("API key rejected"))
    }

    @Test func missingProgramIsConfiguration() throws {
        let failure = try failure(source(["bin/not-there"]))

        #expect(failure.category == .configuration)
    }

    @Test func programNotExecutableIsConfiguration() throws {
        try folder.write("#!/bin/sh\n", to: "bin/plain")
        let failure = try failure(source(["bin/plain"]))

        #expect(failure.category == .configuration)
        #expect(failure.hint.contains("chmod +x"))
    }

    @Test func timeoutStopsProgram() throws {
        let program = try script("slow", "echo $$ > slow.pid; exec sleep 300")
        let failure = try failure(source([program], timeout: 0.5))

        #expect(failure.category == .technical)
        #expect(failure.message.contains("did not finish within 0.5 s"))
        #expect(try !isRunning(pid(in: "slow.pid")))
    }

    @Test func cancelKillsChildAndItsChildren() throws {
        let program = try script("tree", """
            sleep 300 &
            echo $! > child.pid
            echo '{"id": 1}'
            wait
            """)
        let reader = try source([program]).open(day: nil, context: recorder.context)
        defer { reader.close() }
        #expect(try reader.next()?.record != nil)

        recorder.cancel()

        #expect(try reader.next() == nil)
        #expect(try !isRunning(pid(in: "child.pid")))
    }

    @Test func childIgnoringTermIsKilled() throws {
        let program = try script("stubborn", "trap '' TERM; echo $$ > stubborn.pid; while true; do sleep 1; done")
        recorder.cancel(after: 0.3)

        let items = try readAll(source([program]), day: nil, context: recorder.context)

        #expect(items.isEmpty)
        #expect(try !isRunning(pid(in: "stubborn.pid")))
    }

    // MARK: - Processes

    private func pid(in file: String) throws -> pid_t {
        let text = try String(contentsOf: folder.url.appendingPathComponent(file), encoding: .utf8)
        return try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Whether `pid` is a live process: not gone and not a zombie waiting for a reaper, which a
    /// killed grandchild becomes when the init of a container does not reap.
    private func isRunning(_ pid: pid_t) -> Bool {
        // A SIGKILL is delivered asynchronously, so the process may need a moment to go.
        for _ in 0..<200 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else {
                return false
            }
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            if state == "Z" || state == "X" {
                return false
            }
            usleep(10_000)
        }
        return true
    }
}

private enum CommandTestError: Error {
    case readWithoutFailing
}

extension SourceItem: Equatable {
    public static func == (left: SourceItem, right: SourceItem) -> Bool {
        switch (left, right) {
        case (.record(let a), .record(let b)): return a.line == b.line && a.fields.map(\.name) == b.fields.map(\.name)
            && a.fields.map(\.value) == b.fields.map(\.value)
        case (.malformed(let a), .malformed(let b)): return a == b
        default: return false
        }
    }
}
