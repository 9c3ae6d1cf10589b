// Tests for EC2Query.
