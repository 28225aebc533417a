import SyncModel

/// How the play dialog reacts to keys.
extension PlayDialog {
    static let keyHelp: [KeyHelp] = [
        KeyHelp("Tab / Shift-Tab", "next / previous tab"),
        KeyHelp("Up/Down, k/j", "move between the fields, options and buttons"),
        KeyHelp("0-9 and -", "type a date as YYYY-MM-DD in the focused field"),
        KeyHelp("Backspace", "delete the last typed character"),
        KeyHelp("Left/Right", "calendar: previous / next day; buttons: switch"),
        KeyHelp("Up/Down", "calendar: previous / next week"),
        KeyHelp("PgUp/PgDn", "calendar: previous / next month"),
        KeyHelp("Home/End", "calendar: first / last day of the span"),
        KeyHelp("k/j", "calendar: leave it for the field above / below"),
        KeyHelp("Enter, Space", "calendar: pick the day (Date Range: first, then last)"),
        KeyHelp("Space", "toggle I confirm, or choose the option under the cursor"),
        KeyHelp("Enter", "on Execute: start the execution; on Cancel: close"),
        KeyHelp("Esc", "clear the error shown, or close; never starts anything"),
        KeyHelp("?", "show this help"),
    ]

    mutating func handle(_ key: Key, context: ConsoleContext) -> ConsoleCommand {
        if focus == .calendar, handleCalendarKey(key, context: context) {
            return .none
        }
        switch key {
        case .tab: switchTab(by: 1, context: context)
        case .backTab: switchTab(by: -1, context: context)
        case .up, .character("k"): moveFocus(by: -1)
        case .down, .character("j"): moveFocus(by: 1)
        case .left: moveSideways(by: -1, context: context)
        case .right: moveSideways(by: 1, context: context)
        case .character(" "): press(context: context)
        case .backspace: editField { $0.deleteBackward() }; replan(context: context)
        case .character("?"): return .showHelp
        case .character(let character): typeCharacter(character, context: context)
        case .enter: return enter(context: context)
        case .escape: return escape(context: context)
        default: break
        }
        return .none
    }

    private mutating func switchTab(by delta: Int, context: ConsoleContext) {
        let tabs = self.tabs
        guard tabs.count > 1, let index = tabs.firstIndex(of: tab) else { return }
        tab = tabs[(index + delta + tabs.count) % tabs.count]
        rangeAnchor = nil
        focus = controls.first ?? .execute
        startError = nil
        selectFocusedField()
        replan(context: context)
    }

    mutating func moveFocus(by delta: Int) {
        let controls = self.controls
        let index = controls.firstIndex(of: focus) ?? 0
        focus = controls[min(controls.count - 1, max(0, index + delta))]
        selectFocusedField()
    }

    private mutating func selectFocusedField() {
        switch focus {
        case .singleDay: singleDay.selectAll(); calendarDay = singleDay.validDay ?? calendarDay
        case .firstDay: firstDay.selectAll(); calendarDay = firstDay.validDay ?? calendarDay
        case .lastDay: lastDay.selectAll(); calendarDay = lastDay.validDay ?? calendarDay
        default: break
        }
    }

    private mutating func moveSideways(by delta: Int, context: ConsoleContext) {
        switch focus {
        case .execute, .cancel: focus = delta > 0 ? .cancel : .execute
        case .mode: focus = .mode(delta > 0 ? .reimportAll : .missingOnly)
        default: break
        }
    }

    private mutating func press(context: ConsoleContext) {
        switch focus {
        case .confirmation:
            confirmed.toggle()
        case .mode(let option):
            mode = option
            replan(context: context)
        default:
            break
        }
    }

    private mutating func typeCharacter(_ character: Character, context: ConsoleContext) {
        var typed = false
        editField { typed = $0.type(character) }
        if typed {
            replan(context: context)
        }
    }

    /// Applies `edit` to the focused date field, if a date field has focus.
    private mutating func editField(_ edit: (inout DateField) -> Void) {
        switch focus {
        case .singleDay: edit(&singleDay); calendarDay = singleDay.validDay ?? calendarDay; rangeAnchor = nil
        case .firstDay: edit(&firstDay); calendarDay = firstDay.validDay ?? calendarDay; rangeAnchor = nil
        case .lastDay: edit(&lastDay); calendarDay = lastDay.validDay ?? calendarDay; rangeAnchor = nil
        default: break
        }
    }

    private mutating func enter(context: ConsoleContext) -> ConsoleCommand {
        switch focus {
        case .execute:
            return execute(context: context)
        case .cancel:
            return .closeDialog(started: nil)
        case .mode(let option):
            mode = option
            replan(context: context)
        default:
            moveFocus(by: 1)
        }
        return .none
    }

    private mutating func escape(context: ConsoleContext) -> ConsoleCommand {
        if startError != nil {
            startError = nil
            return .none
        }
        return .closeDialog(started: nil)
    }

    /// Starts the planned request; a rejection stays in the dialog and nothing else happens.
    private mutating func execute(context: ConsoleContext) -> ConsoleCommand {
        guard canExecute, case .success(let plan) = plan else { return .none }
        do {
            let execution = try context.engine.start(
                clientID: client.id, syncID: sync.id, request: plan.request,
                confirmed: plan.requiresConfirmation && confirmed, operatorName: context.operatorName)
            return .closeDialog(started: execution)
        } catch let rejection as RequestRejection {
            startError = rejection.message
        } catch {
            startError = String(describing: error)
        }
        return .none
    }
}
