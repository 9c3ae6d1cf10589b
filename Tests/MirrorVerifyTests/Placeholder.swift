// Tests for MirrorVerify.
