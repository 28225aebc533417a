import Foundation

/// Where the `syncdeck` executable that the end-to-end tests run is.
enum SyncdeckBinary {
    /// The executable: `SYNCDECK_BINARY` when set, else `syncdeck` next to the test bundle, else
    /// `.build/debug/syncdeck` of this package.
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["SYNCDECK_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("syncdeck"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("syncdeck"),
            packageRoot.appendingPathComponent(".build/debug/syncdeck"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }

    /// Whether the executable has been built.
    static var isBuilt: Bool {
        FileManager.default.isExecutableFile(atPath: url.path)
    }

    /// The folder of `Package.swift`, found from this file's path (`Tests/EndToEndTests/Support/`).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
