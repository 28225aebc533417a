import Foundation

/// The benchmark's command line.
struct BenchOptions {
    var executions = 100_000
    var idleSeconds = 60
    var repetitions = 30
    var skipIdle = false
    /// The console measured for idle cost: `syncdeck` beside this executable unless given.
    var binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("syncdeck")

    init<Words: Sequence>(_ words: Words) throws where Words.Element == String {
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            switch word {
            case "--skip-idle":
                skipIdle = true
            case "--binary":
                guard let path = iterator.next() else { throw BenchError("--binary needs a path") }
                binary = URL(fileURLWithPath: path)
            case "--executions", "--idle-seconds", "--repetitions":
                guard let text = iterator.next(), let value = Int(text), value > 0 else {
                    throw BenchError("\(word) needs a positive whole number")
                }
                switch word {
                case "--executions": executions = value
                case "--idle-seconds": idleSeconds = value
                default: repetitions = value
                }
            default:
                throw BenchError("unknown option \"\(word)\"; options are --executions N, --idle-seconds N, "
                    + "--repetitions N, --skip-idle and --binary PATH")
            }
        }
        if !skipIdle, !FileManager.default.isExecutableFile(atPath: binary.path) {
            throw BenchError("no syncdeck at \(binary.path); build it first (swift build -c release --product syncdeck) or pass --binary")
        }
    }
}
