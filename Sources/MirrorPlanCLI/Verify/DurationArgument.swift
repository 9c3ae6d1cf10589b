import ArgumentParser

/// A duration flag such as `20s`, `500ms`, `2m` or a bare number of seconds.
struct DurationArgument: ExpressibleByArgument, Sendable, Equatable {
    var nanoseconds: Int64

    init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    init?(argument: String) {
        let units: [(String, Double)] = [("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        for (suffix, scale) in units where argument.hasSuffix(suffix) {
            guard let value = Double(argument.dropLast(suffix.count)), value >= 0, value < 1e7 else { return nil }
            nanoseconds = Int64(value * scale)
            return
        }
        guard let value = Double(argument), value >= 0, value < 1e7 else { return nil }
        nanoseconds = Int64(value * 1e9)
    }

    static var defaultValueDescription: String { "20s" }
}
