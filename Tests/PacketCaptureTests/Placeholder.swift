// Tests for PacketCapture.
