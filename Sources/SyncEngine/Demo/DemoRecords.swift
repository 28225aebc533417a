import Foundation
import SyncModel

/// The rows of the demo's data files, made from a seeded generator so that every machine
/// gets the same demo.
enum DemoRecords {
    static let firstNames = ["Amélie", "Bruno", "Chloé", "Dmitri", "Élodie", "Farid", "Grace", "Hiroshi",
                             "Inès", "Jürgen", "Kofi", "Léa", "Marta", "Noé", "Oskar", "Priya",
                             "Renée", "Søren", "Tomás", "Zoë"]
    static let lastNames = ["Martin", "Dubois", "Müller", "Nakamura", "Ødegaard", "García", "Kowalski",
                            "Okafor", "Rossi", "Brontë", "Nguyen", "Lefèvre", "Smith", "Ibáñez"]

    // MARK: - Acme Retail

    /// Returns a clean day of orders: 50 to 200 rows with increasing `placed_at`.
    static func orders(day: Day, timeZone: TimeZone) -> DemoTextBuffer {
        var random = SplitMix64(name: "acme/orders", day: day)
        let clock = DemoDayClock(day: day, timeZone: timeZone)
        let count = random.int(in: 50...200)
        var text = DemoTextBuffer(capacity: count * 48 + 32)

        text.append("id,amount,placed_at,status\n")
        for index in 0..<count {
            text.append(day.ordinal * 1000 + index)
            text.appendComma()
            text.appendAmount(cents: random.int(in: 500...45_000))
            text.appendComma()
            let instant = clock.instant(at: spread(index, of: count, over: clock.length, random: &random))
            text.appendTimestamp(instant, offset: clock.offset(at: instant))
            text.appendComma()
            text.append(random.pick(["paid", "paid", "paid", "shipped", "shipped", "refunded"]))
            text.appendNewline()
        }
        return text
    }

    /// Returns the customer list snapshot as JSON lines.
    static func customers(today: Day) -> DemoTextBuffer {
        var random = SplitMix64(name: "acme/customers", day: nil)
        var text = DemoTextBuffer(capacity: 16 * 1024)

        for id in 1...120 {
            let first = random.pick(firstNames)
            let last = random.pick(lastNames)
            text.append("{\"id\": ")
            text.append(id)
            text.append(", \"name\": ")
            text.appendJSONString("\(first) \(last)")
            text.append(", \"email\": ")
            text.appendJSONString("customer\(id)@example.com")
            text.append(", \"vip\": ")
            text.append(random.chance(0.15) ? "true" : "false")
            text.append(", \"created_on\": \"")
            text.append(today.adding(days: -random.int(in: 30...900)))
            text.append("\"}\n")
        }
        return text
    }

    // MARK: - Café Société

    /// Returns a clean day of reservations, with guest names outside ASCII.
    static func reservations(day: Day, timeZone: TimeZone) -> DemoTextBuffer {
        var random = SplitMix64(name: "cafe/reservations", day: day)
        let clock = DemoDayClock(day: day, timeZone: timeZone)
        let count = random.int(in: 5...25)
        var text = DemoTextBuffer(capacity: count * 64 + 48)

        text.append("id,guest,party_size,reserved_for,confirmed\n")
        for index in 0..<count {
            text.append(day.ordinal * 100 + index)
            text.appendComma()
            text.append("\(random.pick(firstNames)) \(random.pick(lastNames))")
            text.appendComma()
            text.append(random.int(in: 1...8))
            text.appendComma()
            // Lunch and dinner services, on the quarter hour.
            let hour = random.pick([12, 12, 13, 19, 20, 20, 21])
            let instant = clock.instant(at: hour * 3600 + random.int(in: 0...3) * 900)
            text.appendTimestamp(instant, offset: clock.offset(at: instant))
            text.appendComma()
            text.append(random.chance(0.8) ? "true" : "false")
            text.appendNewline()
        }
        return text
    }

    // MARK: - Helpers

    /// Returns the second of the day for row `index` of `count`: increasing, with some jitter.
    static func spread(_ index: Int, of count: Int, over length: Int, random: inout SplitMix64) -> Int {
        let slot = max(length / max(count, 1), 1)
        return min(index * slot + random.int(in: 0...(slot - 1)), length - 1)
    }
}
