/// The words of a command line after the command name, read option by option.
struct Arguments {
    private var words: [String]
    private(set) var positionals: [String] = []
    private var options: [String: String] = [:]
    private var flags: Set<String> = []

    /// Reads `words`, taking the options listed in `valued` with a value and those in `flags` alone.
    ///
    /// - Throws: `UsageError` for an unknown option or an option without its value.
    init(_ words: [String], valued: Set<String>, flags allowedFlags: Set<String>) throws {
        self.words = words
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1

            guard word.hasPrefix("--"), word.count > 2 else {
                positionals.append(word)
                continue
            }
            var name = String(word.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }

            if valued.contains(name) {
                if value == nil {
                    guard index < words.count else {
                        throw UsageError("option --\(name) needs a value")
                    }
                    value = words[index]
                    index += 1
                }
                options[name] = value
            } else if allowedFlags.contains(name) {
                guard value == nil else {
                    throw UsageError("option --\(name) takes no value")
                }
                flags.insert(name)
            } else {
                let known = (valued.union(allowedFlags)).sorted().map { "--\($0)" }.joined(separator: ", ")
                throw UsageError("unknown option --\(name); this command takes \(known)")
            }
        }
    }

    func value(_ name: String) -> String? {
        options[name]
    }

    func has(_ name: String) -> Bool {
        flags.contains(name)
    }
}

/// A mistake on the command line, with what to write instead.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
