import MirrorPlanModel

/// A CIDR literal of a test table (a typo in one is a broken test, not an input to handle).
func cidr(_ text: String) -> CIDRBlock {
    switch CIDRBlock.parse(text) {
    case .success(let block): return block
    case .failure(let error): preconditionFailure("bad CIDR literal \(text) in a test: \(error)")
    }
}
