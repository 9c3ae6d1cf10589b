// Tests for MirrorPlanManifest.
