/// A lab command that could not do its work (no root, a failed `ip` command, an unreadable state): exit 1 with
/// the message on stderr.
struct LabFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
