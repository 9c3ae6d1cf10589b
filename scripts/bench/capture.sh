#!/usr/bin/env bash
# Capture-decoding benchmark (not a test): `mirrorplan verify --pcap` against tcpdump's BPF count, tshark and a
# plain C decode, side by side on the same 2,000,000-packet capture of mirrored traffic, in one run.
#
#   scripts/bench/capture.sh            # RUNS=5 timed runs per tool (median), TSHARK_RUNS=1, PACKETS=2000000
#
# The capture is generated into $BENCH_DIR (default /tmp/mirrorplan-bench), never into the repo.
# Results go to stdout as a Markdown table; copy them into docs/benchmarks.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH_DIR=${BENCH_DIR:-/tmp/mirrorplan-bench}
PACKETS=${PACKETS:-2000000}
RUNS=${RUNS:-5}
TSHARK_RUNS=${TSHARK_RUNS:-1}
PCAP=$BENCH_DIR/mirrored-$PACKETS.pcap
PCAPNG=$BENCH_DIR/mirrored-$PACKETS.pcapng
mkdir -p "$BENCH_DIR"

echo "building release..." >&2
swift build -c release --product mirrorplan >&2
BIN=$(swift build -c release --show-bin-path)/mirrorplan

if [ ! -s "$PCAP" ]; then
    echo "generating $PACKETS packets into $PCAP..." >&2
    python3 scripts/bench/make_mirrored_capture.py "$PCAP" "$PACKETS" > "$BENCH_DIR/truth-$PACKETS.json"
fi
[ -s "$PCAPNG" ] || editcap -F pcapng "$PCAP" "$PCAPNG"
CC=${CC:-$(command -v clang || command -v cc)}
"$CC" -O2 -o "$BENCH_DIR/c_floor" scripts/bench/c_floor.c

# The check: ICMP echo between 10.0.1.10 and 10.0.2.20 inside VNI 4242 (capture.md §3's filter, both directions).
VNI=4242
BPF="udp dst port 4789 and udp[8] & 0x08 = 0x08 and udp[12:4] & 0xffffff00 = ($VNI << 8)
  and udp[28:2] = 0x0800 and udp[39] = 1 and (
  (udp[42:4] = 0x0a00010a and udp[46:4] = 0x0a000214 and udp[30 + ((udp[30] & 0x0f) << 2)] = 8) or
  (udp[42:4] = 0x0a000214 and udp[46:4] = 0x0a00010a and udp[30 + ((udp[30] & 0x0f) << 2)] = 0))"
TSHARK_FILTER="vxlan.vni==$VNI && vxlan.flag_i==1 && ip.proto#1==17 && ((icmp.type==8 && ip.src#2==10.0.1.10 && ip.dst#2==10.0.2.20) || (icmp.type==0 && ip.src#2==10.0.2.20 && ip.dst#2==10.0.1.10))"

# median_seconds RUNS CMD...: runs CMD RUNS times (output to $BENCH_DIR/last.out), prints the median wall time.
median_seconds() {
    local runs=$1; shift
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@" > "$BENCH_DIR/last.out" 2>"$BENCH_DIR/last.err"
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

row() {  # name seconds count-text
    local rate
    rate=$(echo "$PACKETS / $2 / 1000000" | bc -l)
    printf '| %s | %.3f s | %.2f M pkt/s | %s |\n' "$1" "$2" "$rate" "$3"
}

cat "$PCAP" "$PCAPNG" > /dev/null  # page cache
echo "| $(date -u +%Y-%m-%d) $(uname -m), $(nproc) cores, $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//') | time (median of $RUNS) | rate | inner ICMP counted |"
echo "|---|---|---|---|"
for FILE in "$PCAP" "$PCAPNG"; do
    KIND=${FILE##*.}
    if [ "$KIND" = pcap ]; then
        T=$(median_seconds "$RUNS" "$BENCH_DIR/c_floor" "$PCAP" $VNI 0x0a00010a 0x0a000214)
        row "pcap: C walk + VXLAN/ICMP decode (floor)" "$T" "$(cat "$BENCH_DIR/last.out" | sed 's/.*packets, //')"
    fi
    T=$(median_seconds "$RUNS" "$BIN" verify --pcap "$FILE" --vni $VNI --from 10.0.1.10 --to 10.0.2.20 --count 1 --format json)
    COUNT=$(python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["checks"][0]["observed"]; print("%d echo requests, %d echo replies" % (o["echoRequests"], o["echoReplies"]))' "$BENCH_DIR/last.out")
    row "$KIND: mirrorplan verify --pcap (release)" "$T" "$COUNT"
    T=$(median_seconds "$RUNS" tcpdump -nn -r "$FILE" --count "$BPF")
    row "$KIND: tcpdump -r --count, inner-ICMP BPF" "$T" "$(grep -o '^[0-9]* packets' "$BENCH_DIR/last.out") (requests + replies)"
    if [ "$TSHARK_RUNS" -gt 0 ]; then
        T=$(median_seconds "$TSHARK_RUNS" sh -c "tshark -n -r '$FILE' -Y '$TSHARK_FILTER' -T fields -e icmp.type | sort | uniq -c | tr '\n' ' '")
        row "$KIND: tshark -Y … -T fields" "$T" "$(cat "$BENCH_DIR/last.out")"
    fi
done
echo
echo "ground truth (generator): $(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); c=[x for x in t["cells"] if x["vni"]==4242 and x["client"]=="10.0.1.10" and x["server"]=="10.0.2.20"]; print(", ".join("%d %ss" % (x["count"], x["kind"]) for x in c))' "$BENCH_DIR/truth-$PACKETS.json")"
