import ArgumentParser

/// `--format` of plan, apply and destroy.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
