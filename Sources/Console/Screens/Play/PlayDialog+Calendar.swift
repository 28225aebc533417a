import SyncModel

/// The calendar of the Single Date and Date Range tabs: moving its cursor within the span and
/// picking days with it.
extension PlayDialog {
    /// Handles a key while the calendar has focus and returns `false` for keys left to the dialog.
    mutating func handleCalendarKey(_ key: Key, context: ConsoleContext) -> Bool {
        switch key {
        case .left: moveCalendar(to: cursorDay?.adding(days: -1), context: context)
        case .right: moveCalendar(to: cursorDay?.adding(days: 1), context: context)
        case .up: moveCalendar(to: cursorDay?.adding(days: -7), context: context)
        case .down: moveCalendar(to: cursorDay?.adding(days: 7), context: context)
        case .pageUp: moveCalendar(to: cursorDay?.adding(months: -1), context: context)
        case .pageDown: moveCalendar(to: cursorDay?.adding(months: 1), context: context)
        case .home: moveCalendar(to: span?.first, context: context)
        case .end: moveCalendar(to: span?.last, context: context)
        case .enter, .character(" "): pickCalendarDay(context: context)
        default: return false
        }
        return true
    }

    /// The day under the cursor: the focused field's day, or the last day of the span.
    var cursorDay: Day? {
        calendarDay ?? span?.last
    }

    /// The day `day` clamped to the span, so that a day outside it can never be under the cursor.
    func clampedToSpan(_ day: Day) -> Day {
        guard let span else { return day }
        if day < span.first { return span.first }
        if day > span.last { return span.last }
        return day
    }

    /// Moves the cursor. In Single Date the day under it is the day to import.
    private mutating func moveCalendar(to day: Day?, context: ConsoleContext) {
        guard let day, span != nil else { return }
        calendarDay = clampedToSpan(day)
        guard tab == .singleDate, let calendarDay else { return }
        singleDay.set(calendarDay)
        replan(context: context)
    }

    /// Enter or Space on the calendar. Single Date: keeps the day and moves on. Date Range: the
    /// first pick sets both ends to the day, the second sets the other end and moves on.
    private mutating func pickCalendarDay(context: ConsoleContext) {
        guard let day = cursorDay, span != nil else { return }
        guard tab == .dateRange else {
            moveFocus(by: 1)
            return
        }
        guard let anchor = rangeAnchor else {
            rangeAnchor = day
            firstDay.set(day)
            lastDay.set(day)
            replan(context: context)
            return
        }
        firstDay.set(min(anchor, day))
        lastDay.set(max(anchor, day))
        rangeAnchor = nil
        replan(context: context)
        moveFocus(by: 1)
    }

    /// The days the calendar highlights in Date Range: the range being picked, or the typed one.
    var highlightedRange: DayRange? {
        if let rangeAnchor, let cursor = cursorDay {
            return DayRange(min(rangeAnchor, cursor), max(rangeAnchor, cursor))
        }
        guard let first = firstDay.validDay, let last = lastDay.validDay else { return nil }
        return DayRange(first, last)
    }

    /// What Enter does on the calendar, for the hint under it.
    var calendarPickHint: String {
        switch tab {
        case .dateRange: return rangeAnchor == nil ? "Enter: first day" : "Enter: last day"
        default: return "Enter: keep day"
        }
    }
}
