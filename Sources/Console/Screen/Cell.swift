/// One character cell of the screen.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn in this cell; empty in the right half of a wide character.
    public var text: String
    public var role: Role

    public init(text: String, role: Role) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell(text: " ", role: .body)

    /// Whether the cell is the right half of the wide character on its left.
    public var isContinuation: Bool { text.isEmpty }
}
