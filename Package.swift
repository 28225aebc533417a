// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SyncDeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "syncdeck", targets: ["syncdeck"]),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),

        .target(name: "SyncModel"),
        .target(name: "SyncStore", dependencies: ["SyncModel", "CSQLite"]),
        // libcurl loaded on first use, so that a static build starts without it (see its source).
        .target(name: "CCurlLoader", exclude: ["link"],
                linkerSettings: [.unsafeFlags(["-L", "Sources/CCurlLoader/link"])]),
        .target(name: "SyncEngine", dependencies: ["SyncModel", "SyncStore", "CCurlLoader"]),
        .target(name: "Console", dependencies: ["SyncModel", "SyncEngine", "CNcurses"]),
        .executableTarget(name: "syncdeck", dependencies: ["SyncModel", "SyncStore", "SyncEngine", "Console"]),
        // Console measurements for docs/BENCHMARKS.md; run by hand, never by swift test.
        .executableTarget(name: "console-bench", dependencies: ["SyncModel", "SyncStore", "SyncEngine", "Console", "CNcurses"]),
        // Import measurements for docs/BENCHMARKS.md; run by hand, never by swift test.
        .executableTarget(name: "syncdeck-bench", dependencies: ["SyncModel", "SyncStore", "SyncEngine"]),

        .target(name: "TestSupport", dependencies: ["SyncModel", "SyncStore", "SyncEngine"], path: "Tests/TestSupport"),
        .testTarget(name: "SyncModelTests", dependencies: ["SyncModel"]),
        .testTarget(name: "SyncStoreTests", dependencies: ["SyncStore", "TestSupport"]),
        .testTarget(name: "SyncEngineTests", dependencies: ["SyncEngine", "TestSupport"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "SyncStore"]),
    ],
    swiftLanguageModes: [.v5]
)
