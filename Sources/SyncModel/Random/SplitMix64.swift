/// A small seeded random number generator (SplitMix64, Steele, Lea and Flood, 2014), so that
/// generated data and test sequences are the same on every machine and every run.
///
/// It needs one word of state and is fast in debug builds, which matters for the demo's large
/// sync and the benchmark's million rows. It is not for anything that needs unpredictability.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
