import Foundation
import SyncModel

extension DemoRecords {
    /// A record of a demo file made invalid on purpose, so that an execution ends `FINISHED ⚠︎`.
    enum ShipmentDefect: CaseIterable {
        /// An id that is not an integer.
        case textID
        /// A `shipped_at` that is no timestamp.
        case badTimestamp
        /// An empty `shipped_at`, a required field.
        case missingRequiredField
    }

    /// Returns a day of shipments; each defect replaces a value in one row of the day.
    static func shipments(day: Day, timeZone: TimeZone, defects: [ShipmentDefect]) -> DemoTextBuffer {
        var random = SplitMix64(name: "globex/shipments", day: day)
        let clock = DemoDayClock(day: day, timeZone: timeZone)
        let count = random.int(in: 30...80)
        var text = DemoTextBuffer(capacity: count * 64 + 48)
        let defectRows = Dictionary(defects.enumerated().map { (offset, defect) in (3 + offset * 7, defect) },
                                    uniquingKeysWith: { first, _ in first })

        text.append("id,carrier,weight_kg,shipped_at,delivered\n")
        for index in 0..<count {
            let defect = defectRows[index]
            let id = day.ordinal * 100 + index
            if defect == .textID {
                text.append("SH-")
            }
            text.append(id)
            text.appendComma()
            text.append(random.pick(["UPS", "FedEx", "DHL", "USPS"]))
            text.appendComma()
            text.appendAmount(cents: random.int(in: 20...250_000))
            text.appendComma()
            let instant = clock.instant(at: spread(index, of: count, over: clock.length, random: &random))
            switch defect {
            case .badTimestamp:
                text.append("31/02/\(day.year) 25:61")
            case .missingRequiredField:
                break
            default:
                text.appendTimestamp(instant, offset: clock.offset(at: instant))
            }
            text.appendComma()
            text.append(random.chance(0.6) ? "true" : "false")
            text.appendNewline()
        }
        return text
    }

    /// Returns a day of returns as JSON lines; some records leave out the optional reason.
    static func returns(day: Day) -> DemoTextBuffer {
        var random = SplitMix64(name: "globex/returns", day: day)
        let count = random.int(in: 3...15)
        var text = DemoTextBuffer(capacity: count * 128)

        for index in 0..<count {
            text.append("{\"return_id\": ")
            text.append(day.ordinal * 100 + index)
            text.append(", \"shipment_id\": ")
            text.append(day.adding(days: -random.int(in: 2...20)).ordinal * 100 + random.int(in: 0...29))
            if random.chance(0.8) {
                text.append(", \"reason\": ")
                text.appendJSONString(random.pick(["damaged", "wrong item", "late delivery", "no longer needed"]))
            }
            text.append(", \"refund\": ")
            text.appendAmount(cents: random.int(in: 500...30_000))
            text.append(", \"received_on\": \"")
            text.append(day)
            text.append("\"}\n")
        }
        return text
    }
}
