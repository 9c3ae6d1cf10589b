import ArgumentParser
import MirrorPlanCLI

/// The executable is only this: parse, run, exit. Everything else lives in MirrorPlanCLI and below.
@main
enum MirrorPlanEntry {
    static func main() async {
        await MirrorPlanCommand.main(nil)
    }
}
