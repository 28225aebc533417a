/// The text attributes a theme may set on a role, on top of or instead of colors.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let standout = TextAttributes(rawValue: 1 << 4)

    /// The attribute names of a theme file, in the order they are written back.
    static let namedAttributes: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("standout", .standout),
    ]

    /// Reads one attribute name of a theme file.
    init?(themeValue: String) {
        let value = themeValue.lowercased()
        guard let entry = TextAttributes.namedAttributes.first(where: { $0.name == value }) else { return nil }
        self = entry.attribute
    }

    /// The attribute names as a theme file writes them.
    var themeValues: [String] {
        TextAttributes.namedAttributes.filter { contains($0.attribute) }.map(\.name)
    }
}
