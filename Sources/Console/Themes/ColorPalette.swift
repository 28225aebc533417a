/// Maps palette entries down to the nearest entry a terminal with fewer colors has.
enum ColorPalette {
    /// The red, green and blue of palette entry `index`, as xterm shows it by default.
    static func rgb(_ index: UInt8) -> (red: Int, green: Int, blue: Int) {
        switch index {
        case 0..<16:
            return basicColors[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let gray = 8 + 10 * (Int(index) - 232)
            return (gray, gray, gray)
        }
    }

    /// Returns the entry among the first `limit` (8 or 16) that is closest to `index`.
    ///
    /// Bright colors map to their basic color at 8 colors, except bright black, whose basic color
    /// would vanish on the usual black background.
    ///
    /// A gray maps to a gray (black, white and at 16 colors their bright variants): by distance
    /// alone a mid gray is closer to the basic yellow than to white.
    static func nearest(to index: UInt8, within limit: Int) -> UInt8 {
        if Int(index) < limit { return index }
        if limit == 8, (9...15).contains(index) { return index - 8 }
        let target = rgb(index)
        let isGray = target.red == target.green && target.green == target.blue
        var candidates = Array(0..<UInt8(limit))
        if isGray {
            candidates = limit == 8 ? [0, 7] : [0, 8, 7, 15]
        }
        var best: UInt8 = 0
        var bestDistance = Int.max
        for candidate in candidates {
            let color = rgb(candidate)
            let distance = square(color.red - target.red) + square(color.green - target.green)
                + square(color.blue - target.blue)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    private static func square(_ value: Int) -> Int { value * value }

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    private static let basicColors: [(red: Int, green: Int, blue: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
