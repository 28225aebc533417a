import Foundation
import SyncModel

/// What the calendar marks on each day of a sync.
public struct CalendarMarks: Sendable {
    public var span: DayRange?
    public var imported: Set<Day>
    public var running: Set<Day>
    public var failed: Set<Day>
    public var timeZone: TimeZone

    public init(span: DayRange?, imported: Set<Day>, running: Set<Day> = [], failed: Set<Day> = [], timeZone: TimeZone) {
        self.span = span
        self.imported = imported
        self.running = running
        self.failed = failed
        self.timeZone = timeZone
    }
}

/// A month grid, Monday first, that marks each day imported, missing, running, failed or
/// outside the span, with a symbol so that it reads without color.
///
/// Each day takes four columns: the day number, its mark, and `*` on a 23- or 25-hour day.
public enum MonthCalendar {
    public static let width = 28
    /// Month title, weekday names and six weeks.
    public static let height = 8

    public static func draw(_ buffer: inout ScreenBuffer, column: Int, row: Int, month: Day, marks: CalendarMarks,
                            chosen: Day?, highlighted: DayRange?, focused: Bool, unicode: Bool) {
        let first = month.firstOfMonth
        let title = "\(Day.monthName(first.month)) \(first.year)"
        buffer.put(title, column: column + (width - DisplayWidth.of(title)) / 2, row: row, role: .title)
        buffer.put("Mo  Tu  We  Th  Fr  Sa  Su", column: column, row: row + 1, role: .dim)

        let length = Day.numberOfDays(inMonth: first.month, year: first.year)
        for offset in 0..<length {
            let day = first.adding(days: offset)
            let slot = offset + first.weekday - 1
            let cellColumn = column + (slot % 7) * 4
            let cellRow = row + 2 + slot / 7
            drawDay(&buffer, day: day, column: cellColumn, row: cellRow, marks: marks, unicode: unicode,
                    emphasis: emphasis(for: day, chosen: chosen, highlighted: highlighted, focused: focused))
        }
    }

    /// The legend lines under the calendar, each at most `width` columns.
    public static func legend(unicode: Bool) -> [StyledLine] {
        [
            StyledLine([StyledSpan(symbol(.dayImported, unicode), .dayImported), StyledSpan(" imported  "),
                        StyledSpan(symbol(.dayMissing, unicode), .dayMissing), StyledSpan(" missing")]),
            StyledLine([StyledSpan(symbol(.dayRunning, unicode), .dayRunning), StyledSpan(" running   "),
                        StyledSpan(symbol(.dayFailed, unicode), .dayFailed), StyledSpan(" failed")]),
            StyledLine([StyledSpan("blank outside the span", .dim)]),
            StyledLine([StyledSpan("*", .hint), StyledSpan(" 23- or 25-hour day")]),
        ]
    }

    /// The role of `day`'s mark: a running day first, then a day whose latest execution failed
    /// on it (even when an earlier import stays in the ledger), then imported or missing.
    public static func role(of day: Day, marks: CalendarMarks) -> Role {
        guard let span = marks.span, span.contains(day) else { return .dayOutside }
        if marks.running.contains(day) { return .dayRunning }
        if marks.failed.contains(day) { return .dayFailed }
        if marks.imported.contains(day) { return .dayImported }
        return .dayMissing
    }

    public static func symbol(_ role: Role, _ unicode: Bool) -> String {
        switch role {
        case .dayImported: return unicode ? "■" : "#"
        case .dayMissing: return unicode ? "·" : "."
        case .dayRunning: return unicode ? "▶" : ">"
        case .dayFailed: return unicode ? "✗" : "x"
        default: return " "
        }
    }

    private static func emphasis(for day: Day, chosen: Day?, highlighted: DayRange?, focused: Bool) -> Role? {
        if day == chosen { return focused ? .focusSelection : .selection }
        if highlighted?.contains(day) == true { return .selection }
        return nil
    }

    private static func drawDay(_ buffer: inout ScreenBuffer, day: Day, column: Int, row: Int, marks: CalendarMarks,
                                unicode: Bool, emphasis: Role?) {
        let markRole = role(of: day, marks: marks)
        let number = day.day < 10 ? " \(day.day)" : "\(day.day)"
        buffer.put(number, column: column, row: row, role: emphasis ?? (markRole == .dayOutside ? .dim : .body))
        buffer.put(symbol(markRole, unicode), column: column + 2, row: row, role: emphasis ?? markRole)
        if day.hours(in: marks.timeZone) != 24 {
            buffer.put("*", column: column + 3, row: row, role: .hint)
        }
    }
}
