#!/usr/bin/env python3
"""Reconcile benchmark driver (not a test): the release mirrorplan against `mirrorplan lab serve`.

  reconcile.py BIN WORKDIR [RUNS]

1. Planning: 300 sessions / 100 targets / 100 filters / 300 rules vs 3 sessions, each in its own lab with
   --latency 50ms, from an empty account and again once applied ("No changes"); median wall time of RUNS
   runs and the requests each plan made (GET /_lab/stats before and after).
2. Applying the large stack from scratch against --latency 50ms --throttle aws --throttle-scale 10, then
   re-applying it (which must make only Describe calls).
Prints a Markdown report on stdout.
"""
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

MUTATING_BUCKET = (50, 5)  # EC2's mutating-action bucket: capacity, refill per second (ThrottleCategory)
SCALE = 10  # --throttle-scale


class Lab:
    def __init__(self, binary, workdir, name, extra):
        self.dir = os.path.join(workdir, name)
        os.makedirs(self.dir, exist_ok=True)
        # No --state: the lab keeps its state in memory (persisting it after every change would time the disk).
        self.log = open(os.path.join(self.dir, "serve.err"), "w")
        self.process = subprocess.Popen(
            [binary, "lab", "serve", "--port", "0",
             "--topology", os.path.join(workdir, "topology.yaml")] + extra,
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("listening on "):
            raise SystemExit(f"lab serve did not start: {line!r}")
        self.url = line.split("listening on ", 1)[1].strip()

    def stats(self):
        with urllib.request.urlopen(self.url + "/_lab/stats") as response:
            return json.load(response)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        self.log.close()


def environment(url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "MIRRORPLAN_LAB"}
    env.update({"AWS_ACCESS_KEY_ID": "AKIDBENCH", "AWS_SECRET_ACCESS_KEY": "bench-secret", "AWS_REGION": "us-east-1",
                "AWS_ENDPOINT_URL": url, "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
                "NO_COLOR": "1"})
    return env


def run(binary, args, lab):
    start = time.monotonic()
    done = subprocess.run([binary] + args, env=environment(lab.url), capture_output=True, text=True)
    return time.monotonic() - start, done


def timed_apply(binary, manifest, lab):
    """Runs apply, timestamping each progress line on arrival (seconds since the process started)."""
    start = time.monotonic()
    process = subprocess.Popen([binary, "apply", manifest, "--auto-approve"], env=environment(lab.url),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines = [(time.monotonic() - start, line.rstrip("\n")) for line in process.stderr]
    code = process.wait()
    return time.monotonic() - start, lines, code


def delta(before, after):
    keys = set(before["requests"]) | set(after["requests"])
    return {k: after["requests"].get(k, 0) - before["requests"].get(k, 0) for k in keys
            if after["requests"].get(k, 0) != before["requests"].get(k, 0)}


def timed_plans(binary, lab, manifest, runs, expect_rc):
    times, requests = [], None
    for _ in range(runs):
        before = lab.stats()
        seconds, done = run(binary, ["plan", manifest, "--detailed-exitcode"], lab)
        if done.returncode != expect_rc:
            raise SystemExit(f"plan {manifest} exited {done.returncode}:\n{done.stderr}")
        times.append(seconds)
        requests = delta(before, lab.stats())
    return statistics.median(times), requests


def fmt(requests):
    return ", ".join(f"{k} {v}" for k, v in sorted(requests.items()))


def main():
    binary, workdir = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    small, large = os.path.join(workdir, "small.yaml"), os.path.join(workdir, "large.yaml")
    out = []

    rows = []
    for label, manifest in [("3 sessions, 1 target, 1 filter, 3 rules", small),
                            ("300 sessions, 100 targets, 100 filters, 300 rules", large)]:
        lab = Lab(binary, workdir, "plan-" + os.path.basename(manifest)[:-5], ["--latency", "50ms"])
        try:
            empty_time, empty_requests = timed_plans(binary, lab, manifest, runs, 2)
            seconds, done = run(binary, ["apply", manifest, "--auto-approve"], lab)
            if done.returncode != 0:
                raise SystemExit(f"apply {manifest} failed:\n{done.stderr}")
            live_time, live_requests = timed_plans(binary, lab, manifest, runs, 0)
        finally:
            lab.stop()
        rows.append((label, empty_time, empty_requests, live_time, live_requests))
    out.append("Planning, `lab serve --latency 50ms`, median of %d runs of the whole `mirrorplan plan` process:\n" % runs)
    out.append("| stack | plan, nothing live | requests | plan, all live (No changes) | requests |")
    out.append("|---|---|---|---|---|")
    for label, et, er, lt, lr in rows:
        out.append(f"| {label} | {et:.3f} s | {sum(er.values())}: {fmt(er)} | {lt:.3f} s | {sum(lr.values())}: {fmt(lr)} |")
    out.append("")
    out.append(f"Ratio large/small: {rows[1][1] / rows[0][1]:.2f}x (nothing live), {rows[1][3] / rows[0][3]:.2f}x (all live); goal < 3x.\n")

    lab = Lab(binary, workdir, "apply-throttled",
              ["--latency", "50ms", "--throttle", "aws", "--throttle-scale", str(SCALE)])
    try:
        before = lab.stats()
        seconds, lines, code = timed_apply(binary, large, lab)
        after = lab.stats()
        requests = delta(before, after)
        failed = sorted({line.split(": FAILED")[0] for _, line in lines if ": FAILED" in line})
        done = [(t, line) for t, line in lines if ": done in " in line]
        per_action = {}
        for _, line in done:
            verb, address = line.split(" ")[0], line.split(" ")[1]
            per_action[(verb, address.split(".")[0])] = per_action.get((verb, address.split(".")[0]), 0) + 1
        capacity, refill = MUTATING_BUCKET
        rate = refill * SCALE
        # EC2 (and the lab) keep one bucket per API action: each action's calls beyond the full bucket arrive at
        # `rate`; the slowest action bounds the apply.
        minimum = max(max(0, n - capacity) / rate for n in per_action.values())
        single = max(0, len(done) - capacity) / rate
        first_start = min(t - float(line.rsplit("done in ", 1)[1].rstrip("s")) for t, line in done)
        phase = max(t for t, _ in done) - first_start
        out.append("Apply from scratch, `lab serve --latency 50ms --throttle aws --throttle-scale %d`:\n" % SCALE)
        out.append(f"- exit code {code}; {len(done)} steps done ({', '.join(f'{v} {k} {n}' for (v, k), n in sorted(per_action.items()))}), "
                   f"{len(failed)} failed; {after['throttled'] - before['throttled']} requests throttled (HTTP 503) and retried")
        out.append(f"- whole `mirrorplan apply` process {seconds:.2f} s (plan, apply, re-observe); the steps themselves "
                   f"{phase:.2f} s (first step start to last step end)")
        out.append(f"- token-bucket minimum {minimum:.2f} s = (busiest action's calls - {capacity}) / ({refill}/s x {SCALE}); "
                   f"ratio {seconds / minimum:.2f} (whole process), {phase / minimum:.2f} (steps); goal <= 1.3. "
                   f"(Were all {len(done)} calls one shared bucket: {single:.2f} s.)")
        out.append(f"- requests: {sum(requests.values())} ({fmt(requests)})")
        for name in failed:
            out.append(f"  - FAILED: {name}")
        before = lab.stats()
        seconds, again = run(binary, ["apply", large, "--auto-approve"], lab)
        requests = delta(before, lab.stats())
        non_describe = {k: v for k, v in requests.items() if not k.startswith("Describe")}
        out.append(f"- re-apply: exit code {again.returncode}, {seconds:.2f} s, requests {fmt(requests)}; "
                   f"non-Describe requests: {sum(non_describe.values())}")
        if non_describe:
            out.append(f"  UNEXPECTED: {fmt(non_describe)}")
    finally:
        lab.stop()
    print("\n".join(out))


if __name__ == "__main__":
    main()
