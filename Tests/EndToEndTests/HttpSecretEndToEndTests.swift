import Foundation
import Testing
import TestSupport

/// The real binary running an HTTP sync whose token comes from the environment: the token must
/// reach the server and nothing else.
@Suite(.enabled(if: SyncdeckBinary.isBuilt, "syncdeck is not built; run swift build first"))
struct HttpSecretEndToEndTests {
    let token = "e2e-secret-7c1f0a9b3d"

    /// Writes a workspace with one snapshot HTTP sync reading `url`, and returns its folder.
    private func workspace(url: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("syncdeck-e2e-http-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = """
            {"clients": [{"id": "acme", "name": "Acme Retail", "timeZone": "UTC", "syncs": [
              {"id": "api", "name": "Customers API", "partitioning": "none",
               "source": {"type": "http", "url": "\(url)?key=${ACME_TOKEN}",
                          "headers": {"Authorization": "Bearer ${ACME_TOKEN}"}, "recordsPath": "data"},
               "destination": {"type": "sqlite", "path": "out/acme.sqlite", "table": "customers", "writeMode": "replace"}}
            ]}]}
            """
        try Data(text.utf8).write(to: folder.appendingPathComponent("workspace.json"))
        return folder
    }

    private func syncdeck(_ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run(["env", "ACME_TOKEN=\(token)", SyncdeckBinary.url.path] + arguments)
    }

    @Test func tokenAbsentFromEveryOutput() throws {
        let server = try TestHTTPServer { request in
            // A server that echoes what it was sent, as some error pages do.
            TestHTTPServer.Response(status: 401, body: "{\"error\": \"\(request.headers["authorization"] ?? "") for \(request.target) refused\"}")
        }
        let folder = try workspace(url: server.url("/customers"))
        defer { try? FileManager.default.removeItem(at: folder) }

        let run = try syncdeck(["run", "--workspace", folder.path, "acme/api"])
        let show = try syncdeck(["show", "--workspace", folder.path, "1", "--json"])
        let list = try syncdeck(["executions", "--workspace", folder.path, "--json"])

        #expect(run.status == 1)
        #expect(server.requests.first?.headers["authorization"] == "Bearer \(token)")
        #expect(show.output.contains("authentication"))
        for (name, result) in [("run", run), ("show", show), ("executions", list)] {
            #expect(!(result.output + result.errorOutput).contains(token), "\(name) printed the token")
        }
    }
}
