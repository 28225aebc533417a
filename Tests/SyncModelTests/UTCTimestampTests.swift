import Foundation
import SyncModel
import Testing

@Test func utcTimestampOfEpoch() {
    #expect(UTCTimestamp.text(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
}

@Test func utcTimestampWithMilliseconds() {
    let date = Date(timeIntervalSince1970: 1_796_413_610.045)
    #expect(UTCTimestamp.text(date, milliseconds: true) == "2026-12-04T19:46:50.045Z")
}

@Test func utcTimestampBeforeEpoch() {
    #expect(UTCTimestamp.text(Date(timeIntervalSince1970: -0.5), milliseconds: true) == "1969-12-31T23:59:59.500Z")
}

/// Foundation's formatter is the reference for instants across four centuries.
@Test func utcTimestampMatchesFoundation() {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    var random = SplitMix64(seed: 42)
    var mismatches: [String] = []
    for _ in 0..<2000 {
        // Whole milliseconds between 1900 and 2300, so both sides round the same way.
        let milliseconds = Int64.random(in: -2_208_988_800_000...10_413_792_000_000, using: &random)
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let ours = UTCTimestamp.text(date, milliseconds: true)
        let foundation = formatter.string(from: date)
        if ours != foundation { mismatches.append("\(milliseconds): \(ours) vs \(foundation)") }
    }
    #expect(mismatches.isEmpty)
}
