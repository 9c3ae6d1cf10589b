#!/usr/bin/env python3
"""Generates the reconcile benchmark's lab topology and manifests into OUTDIR (never into the repo).

  topology.yaml  100 source instances (src-000..099) and 100 target instances (tgt-000..099), one ENI each
  large.yaml     100 targets, 100 filters with 3 rules each (300 rules), 300 sessions (3 per source ENI)
  small.yaml     1 target, 1 filter with 3 rules, 3 sessions (on src-000)
"""
import os
import sys

SOURCES = TARGETS = FILTERS = 100
SESSIONS = 300

RULES = """    ingress:
      - { rule: 100, action: accept, protocol: icmp, source: 0.0.0.0/0, destination: 0.0.0.0/0 }
      - { rule: 200, action: accept, protocol: tcp, source: 10.0.0.0/16, destination: 0.0.0.0/0, destinationPorts: 80 }
    egress:
      - { rule: 100, action: accept, protocol: icmp, source: 0.0.0.0/0, destination: 0.0.0.0/0 }
"""


def ip(index):
    return f"10.0.{index // 250}.{index % 250 + 4}"


def topology():
    lines = ["vpc: 10.0.0.0/16", "subnets:", "  bench: 10.0.0.0/20", "instances:"]
    for i in range(SOURCES):
        lines.append(f"  - {{ name: src-{i:03d}, subnet: bench, ip: {ip(i)} }}")
    for i in range(TARGETS):
        lines.append(f"  - {{ name: tgt-{i:03d}, subnet: bench, ip: {ip(SOURCES + i)} }}")
    return "\n".join(lines) + "\n"


def manifest(stack, targets, filters, sessions):
    out = [f"apiVersion: mirrorplan/v1", f"stack: {stack}", "tags:", "  bench: reconcile", "", "targets:"]
    for t in range(targets):
        out.append(f"  t-{t:03d}:\n    networkInterface: {{ instance: tgt-{t:03d} }}")
    out += ["", "filters:"]
    for f in range(filters):
        out.append(f"  f-{f:03d}:\n    description: bench filter {f}\n" + RULES.rstrip("\n"))
    out += ["", "sessions:"]
    for s in range(sessions):
        out.append(
            f"  s-{s:03d}:\n    source: {{ instance: src-{s // 3:03d} }}\n    target: t-{s % targets:03d}\n"
            f"    filter: f-{s % filters:03d}\n    number: {s % 3 + 1}\n    vni: {1000 + s}")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_reconcile_stack.py OUTDIR")
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    files = {
        "topology.yaml": topology(),
        "large.yaml": manifest("bench-large", TARGETS, FILTERS, SESSIONS),
        "small.yaml": manifest("bench-small", 1, 1, 3),
    }
    for name, text in files.items():
        with open(os.path.join(outdir, name), "w") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
