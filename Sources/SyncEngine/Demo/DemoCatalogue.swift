import Foundation
import SyncModel

/// The days and datasets of the demo workspace, all placed relative to the day it is created.
///
/// Files are written up to `today` itself rather than yesterday, because the last complete
/// day of a client east of the operator (Tokyo seen from Paris in the evening) is already
/// the operator's today.
struct DemoCatalogue {
    let today: Day
    /// The number of rows of each day of Initech's events.
    let eventsPerDay: Int

    /// The default size of Initech's events: about 48 bytes a row, so 30 days of 35,000 rows
    /// are about 50 MB, enough for an execution to run long enough to cancel.
    static let defaultEventsPerDay = 35_000

    var ordersDays: DayRange { range(from: -21, to: 0) }
    var shipmentsDays: DayRange { range(from: -14, to: 0) }
    var returnsDays: DayRange { range(from: -14, to: 0) }
    /// The day whose returns file is missing, so that the default execution ends in `ERROR`.
    var returnsMissingDay: Day { today.adding(days: -5) }
    var eventsDays: DayRange { range(from: -29, to: 0) }
    /// The span of the ended contract: the sync's `lastDay` is two months ago.
    var sessionsDays: DayRange { range(from: -90, to: -60) }
    var reservationsDays: DayRange { range(from: -10, to: 0) }
    var invoicesDays: DayRange { range(from: -14, to: 0) }
    var paymentsDays: DayRange { range(from: -7, to: 0) }

    /// The invalid shipments of each day that has some.
    var shipmentDefects: [Day: [DemoRecords.ShipmentDefect]] {
        [
            today.adding(days: -2): [.textID],
            today.adding(days: -6): [.badTimestamp, .badTimestamp],
            today.adding(days: -9): [.missingRequiredField, .textID],
        ]
    }

    static let paris = TimeZone(identifier: "Europe/Paris") ?? .current
    static let newYork = TimeZone(identifier: "America/New_York") ?? .current

    var datasets: [DemoDataset] {
        let defects = shipmentDefects
        let today = today
        let eventsPerDay = eventsPerDay
        return [
            DemoDataset(clientID: "acme", syncID: "orders", path: "data/acme/orders/{date}.csv", days: ordersDays,
                        missingDays: [], render: { DemoRecords.orders(day: $0 ?? today, timeZone: DemoCatalogue.paris) }),
            DemoDataset(clientID: "acme", syncID: "customers", path: "data/acme/customers.jsonl", days: nil,
                        missingDays: [], render: { _ in DemoRecords.customers(today: today) }),
            DemoDataset(clientID: "globex", syncID: "shipments", path: "data/globex/shipments/{date}.csv", days: shipmentsDays,
                        missingDays: [], render: { day in
                            let day = day ?? today
                            return DemoRecords.shipments(day: day, timeZone: DemoCatalogue.newYork, defects: defects[day] ?? [])
                        }),
            DemoDataset(clientID: "globex", syncID: "returns", path: "data/globex/returns/{date}.jsonl", days: returnsDays,
                        missingDays: [returnsMissingDay], render: { DemoRecords.returns(day: $0 ?? today) }),
            DemoDataset(clientID: "initech", syncID: "events", path: "data/initech/events/{date}.csv", days: eventsDays,
                        missingDays: [], render: { DemoRecords.events(day: $0 ?? today, count: eventsPerDay) }),
            DemoDataset(clientID: "initech", syncID: "sessions", path: "data/initech/sessions/{date}.jsonl", days: sessionsDays,
                        missingDays: [], render: { DemoRecords.sessions(day: $0 ?? today) }),
            DemoDataset(clientID: "cafe", syncID: "reservations", path: "data/cafe/reservations/{date}.csv", days: reservationsDays,
                        missingDays: [], render: { DemoRecords.reservations(day: $0 ?? today, timeZone: DemoCatalogue.paris) }),
        ]
    }

    private func range(from start: Int, to end: Int) -> DayRange {
        DayRange(today.adding(days: start), today.adding(days: end)) ?? DayRange(single: today)
    }
}
