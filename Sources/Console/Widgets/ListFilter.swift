/// The `/` filter of a list: the typed text and whether typing still goes into it.
public struct ListFilter: Hashable, Sendable {
    public var text = ""
    public var isEditing = false

    public init() {}

    public var isActive: Bool { isEditing || !text.isEmpty }

    public func matches(_ candidates: String...) -> Bool {
        candidates.contains { TextMatch.matches($0, filter: text) }
    }

    /// Whether one of `candidates` contains `text`, as a filter of that text would decide.
    public static func matches(text: String, _ candidates: String...) -> Bool {
        candidates.contains { TextMatch.matches($0, filter: text) }
    }

    /// Takes a key while editing; returns `false` when the key is not for the filter.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character) where !character.unicodeScalars.contains(where: TerminalText.isControl):
            text.append(character)
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .enter:
            isEditing = false
        case .escape:
            text = ""
            isEditing = false
        default:
            return false
        }
        return true
    }
}

/// Moves a selection kept by id through a list of ids, so that it survives items being
/// added above it or filtered out.
public enum ListCursor {
    /// The id `delta` rows away from `selected`, clamped to the list; the first id when
    /// `selected` is not in the list.
    public static func move<ID: Equatable>(_ selected: ID?, by delta: Int, in ids: [ID]) -> ID? {
        guard !ids.isEmpty else { return nil }
        guard let selected, let index = ids.firstIndex(of: selected) else { return ids.first }
        return ids[min(ids.count - 1, max(0, index + delta))]
    }

    /// The first row to draw so that row `index` shows in `height` rows.
    public static func scrollOffset(index: Int?, height: Int) -> Int {
        guard let index, height > 0, index >= height else { return 0 }
        return index - height + 1
    }
}
