#!/usr/bin/env python3
"""Writes a large pcap of AWS-style mirrored traffic for the capture benchmark, plus its ground truth.

usage: make_mirrored_capture.py OUT.pcap [PACKETS]   (default 2,000,000 packets; write it to /tmp, not the repo)

Traffic: ICMP echo requests/replies between 4 clients and 2 servers under 3 VNIs, TCP/443 and UDP/53 inside
the tunnel, UDP 4789 without the I flag ("badvxlan"), and ICMP port-unreachables quoting VXLAN. Frames are built
once as templates and written with fresh timestamps and ICMP sequence numbers, so writing is fast.
The ground truth (per VNI, pair and echo type) is printed as JSON on stdout.
"""
import json
import struct
import sys
from collections import Counter

sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "fixtures"))
import make_capture_fixtures as f  # noqa: E402  (frame builders shared with the fixtures)

CLIENTS = ["10.0.1.10", "10.0.1.11", "10.0.1.12", "10.0.1.13"]
SERVERS = ["10.0.2.20", "10.0.2.21"]
VNIS = [4242, 77, 123456]


def templates():
    out = []  # (frame bytes, ground-truth key or None, offset of the inner ICMP sequence or None)
    inner_icmp = 14 + 20 + 8 + 8 + 14 + 20  # outer eth+ip+udp+vxlan, inner eth+ip
    for vni in VNIS:
        for c in CLIENTS:
            for s in SERVERS:
                req = f.eth(f.ipv4(c, s, 1, f.icmp_echo(8, 0x4242, 0)))
                rep = f.eth(f.ipv4(s, c, 1, f.icmp_echo(0, 0x4242, 0)))
                out.append((f.eth(f.vxlan(req, vni, outer_src=s, outer_dst="10.0.3.30")), (vni, c, s, "request"), inner_icmp + 6))
                out.append((f.eth(f.vxlan(rep, vni, outer_src=s, outer_dst="10.0.3.30")), (vni, c, s, "reply"), inner_icmp + 6))
        tcp = f.eth(f.ipv4(CLIENTS[0], SERVERS[0], 6, f.tcp(50000, 443, b"\x16\x03\x01" + b"x" * 200)))
        udp = f.eth(f.ipv4(CLIENTS[1], SERVERS[1], 17, f.udp(53000, 53, b"q" * 40)))
        out.append((f.eth(f.vxlan(tcp, vni, outer_src=SERVERS[0], outer_dst="10.0.3.30")), None, None))
        out.append((f.eth(f.vxlan(udp, vni, outer_src=SERVERS[1], outer_dst="10.0.3.30")), None, None))
    bad = f.eth(f.ipv4(CLIENTS[2], SERVERS[1], 1, f.icmp_echo(8, 1, 1)))
    out.append((f.eth(f.vxlan(bad, 4242, flags=0, outer_src=SERVERS[1], outer_dst="10.0.3.30")), None, None))
    quoted = out[0][0][14:]
    out.append((f.eth(f.ipv4("10.0.3.30", SERVERS[0], 1, struct.pack("!BBHI", 3, 3, 0, 0) + quoted[:92])), None, None))
    return out


def main():
    path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000_000
    frames = templates()
    truth = Counter()
    with open(path, "wb") as fh:
        fh.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        chunk = []
        n = len(frames)
        for i in range(count):
            frame, key, seq_at = frames[(i * 5) % n]  # 5 is coprime with the 56 templates: every one is used
            if seq_at is not None:
                frame = frame[:seq_at] + struct.pack("!H", i & 0xFFFF) + frame[seq_at + 2:]
                truth[key] += 1
            chunk.append(struct.pack("<IIII", 1_700_000_000 + i // 1_000_000, i % 1_000_000, len(frame), len(frame)))
            chunk.append(frame)
            if len(chunk) >= 20000:
                fh.write(b"".join(chunk))
                chunk.clear()
        fh.write(b"".join(chunk))
    print(json.dumps({"packets": count, "cells": [
        {"vni": k[0], "client": k[1], "server": k[2], "kind": k[3], "count": v} for k, v in sorted(truth.items())]}))


if __name__ == "__main__":
    main()
