import MirrorPlanModel

/// The human plan: Terraform-like blocks (`+`, `~`, `-/+`, `-`), each changed attribute as
/// `before -> after`, and the closing summary line. Reads a `Plan`; never recomputes anything.
public struct PlanTextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func render(_ plan: Plan) -> String {
        var out = ""
        if plan.isEmpty {
            out += "No changes. Stack \(plan.stack) in \(plan.region) matches the manifest.\n"
        } else {
            out += "mirrorplan will perform these actions on stack \(plan.stack) in \(plan.region):\n"
            for change in plan.changes {
                out += "\n" + block(change)
            }
            let summary = plan.summary
            out +=
                "\nPlan: \(summary.create) to add, \(summary.update) to change, \(summary.replace) to replace, "
                + "\(summary.delete) to destroy.\n"
        }
        if !plan.problems.isEmpty {
            out += "\n" + paint("Problems that stop this plan from being applied:", .red) + "\n"
            for problem in plan.problems { out += "  - \(problem)\n" }
        }
        return out
    }

    func block(_ change: PlannedChange) -> String {
        let tint: Tint =
            switch change.action {
            case .create: .green
            case .update: .yellow
            case .replace: .magenta
            case .delete: .red
            }
        var head = paint(change.action.symbol, tint) + " \(change.address)"
        if let id = change.id { head += " (\(id))" }
        if let explanation = change.explanation { head += paint("  # \(explanation)", .dim) }
        var lines = ["  " + head]
        let width = change.changes.map(\.field.count).max() ?? 0
        for attribute in change.changes {
            let name = attribute.field + String(repeating: " ", count: width - attribute.field.count)
            var line = "      \(name) = "
            let field = attribute.field
            switch change.action {
            case .create: line += show(attribute.after, field: field)
            case .delete: line += show(attribute.before, field: field)
            case .update, .replace:
                line += "\(show(attribute.before, field: field)) -> \(show(attribute.after, field: field))"
            }
            if attribute.forcesReplacement && change.action == .replace {
                line += paint("  # forces replacement", .magenta)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func show(_ value: String?, field: String) -> String {
        guard let value else { return field == "protocol" ? "(unset: all protocols)" : "(unset)" }
        if value == AttributeChange.knownAfterApply { return value }
        // Protocols are compared as IANA numbers (AWS's form) but reviewers read names.
        if field == "protocol", let number = Int(value), let name = IPProtocol(number: number)?.name {
            return "\"\(value)\" (\(name))"
        }
        return "\"\(value)\""
    }

    enum Tint: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case magenta = "35"
        case dim = "2"
    }

    func paint(_ text: String, _ tint: Tint) -> String {
        color ? "\u{1B}[\(tint.rawValue)m\(text)\u{1B}[0m" : text
    }
}
