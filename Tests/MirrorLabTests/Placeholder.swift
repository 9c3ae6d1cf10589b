// Tests for MirrorLab.
