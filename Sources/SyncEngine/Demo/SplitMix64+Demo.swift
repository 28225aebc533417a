import SyncModel

/// The demo's use of the seeded generator: one generator per file, and the picks the data needs.
extension SplitMix64 {
    /// Creates the generator of one file of the demo: the same sync and day always give the
    /// same rows, whatever else was generated before.
    init(name: String, day: Day?) {
        // FNV-1a, because `String.hashValue` changes from one process to the next.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let ordinal = UInt64(bitPattern: Int64(day?.ordinal ?? -1))
        self.init(seed: hash ^ (ordinal &* 0x9E37_79B9_7F4A_7C15))
    }

    /// Returns a number in `range`, with a bias too small to matter for demo data.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % span)
    }

    /// Returns one element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// Returns true with the given probability, from 0 to 1.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }
}
