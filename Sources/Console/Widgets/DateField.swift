import SyncModel

/// A typed `YYYY-MM-DD` field: digits and `-` are appended, Backspace removes the last one.
///
/// A prefilled or newly focused field is replaced by the first typed character, the way a
/// selected field works in a form, so that typing a date never needs ten Backspaces first.
public struct DateField: Hashable, Sendable {
    public static let length = 10

    public private(set) var text: String
    /// Whether the next typed character replaces the whole text.
    public private(set) var replacesOnType = true

    public init(_ day: Day?) {
        text = day.map(\.description) ?? ""
    }

    /// Takes a typed character; returns `false` for one a date cannot contain.
    @discardableResult
    public mutating func type(_ character: Character) -> Bool {
        guard character.isASCII, character.isNumber || character == "-" else { return false }
        if replacesOnType {
            text = ""
            replacesOnType = false
        }
        guard text.count < DateField.length else { return true }
        text.append(character)
        return true
    }

    public mutating func deleteBackward() {
        replacesOnType = false
        if !text.isEmpty {
            text.removeLast()
        }
    }

    /// Puts `day` in the field, as the calendar does.
    public mutating func set(_ day: Day) {
        text = day.description
        replacesOnType = true
    }

    /// Marks the field as freshly focused, so the next typed character starts a new date.
    public mutating func selectAll() {
        replacesOnType = true
    }

    /// Whether the text has the full length of a date, so a parse error is worth showing.
    public var isComplete: Bool { text.count >= DateField.length }

    /// The day typed, or the rejection that says why the text is not one.
    public var day: Result<Day, RequestRejection> {
        do {
            return .success(try Day.parse(text))
        } catch let rejection as RequestRejection {
            return .failure(rejection)
        } catch {
            return .failure(RequestRejection(.invalidDay, "\"\(text)\" is not a date; write it as YYYY-MM-DD"))
        }
    }

    /// The typed day when the text is a valid date.
    public var validDay: Day? {
        if case .success(let day) = day { return day }
        return nil
    }
}
