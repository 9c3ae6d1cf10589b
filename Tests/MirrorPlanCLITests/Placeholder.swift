// Tests for MirrorPlanCLI.
