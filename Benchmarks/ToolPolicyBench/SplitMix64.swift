/// The generator the peers harness draws its mix with (bench/peers/README.md, "Throughput").
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `n` indices drawn as `next() % count`, the harness's `index = next() % 384`.
    static func indices(seed: UInt64, count: Int, n: Int) -> [Int] {
        var generator = SplitMix64(seed: seed)
        return (0..<n).map { _ in Int(generator.next() % UInt64(count)) }
    }
}
