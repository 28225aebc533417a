/// How many colors the console may use on a terminal, from the full palette down to none.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    /// No colors, so only attributes distinguish roles.
    case monochrome = 0
    case colors8 = 8
    case colors16 = 16
    case colors256 = 256

    /// Picks the depth for a terminal that reports `colorCount` colors.
    ///
    /// - Parameter environment: `NO_COLOR` set to any value, even empty, turns colors off.
    public init(colorCount: Int, environment: [String: String]) {
        if ColorDepth.colorsAreDisabled(by: environment) {
            self = .monochrome
        } else if colorCount >= 256 {
            self = .colors256
        } else if colorCount >= 16 {
            self = .colors16
        } else if colorCount >= 8 {
            self = .colors8
        } else {
            self = .monochrome
        }
    }

    /// Whether `NO_COLOR` requests no colors at all.
    public static func colorsAreDisabled(by environment: [String: String]) -> Bool {
        environment["NO_COLOR"] != nil
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
