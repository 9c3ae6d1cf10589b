"""`mirrorplan lab serve --dataplane netns`: boto3 changes the served lab and the kernel follows.

Root only (it creates network namespaces). Traffic flows only between the namespaces this lab made, and
stopping the lab must remove every one of them.
"""
import os
import shutil
import subprocess
import time

import pytest

from conftest import BINARY, topology_enis

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("ip") is None or shutil.which("tc") is None,
    reason="needs root and iproute2 (ip, tc): the data plane creates network namespaces")


def namespaces():
    out = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in out.splitlines() if line.strip()}


def ns_run(namespace, *args, **kwargs):
    return subprocess.run(["ip", "netns", "exec", namespace, *args], capture_output=True, text=True, **kwargs)


def test_served_lab_realises_sessions_in_namespaces_and_removes_them_on_exit(start_lab, tmp_path):
    before = namespaces()
    lab = start_lab("--dataplane", "netns", "--state", str(tmp_path / "state.json"))
    made = sorted(namespaces() - before)
    assert len(made) == 4, made
    prefix = made[0].rsplit("-", 1)[0]
    assert made == [f"{prefix}-{n}" for n in ("br", "client", "server", "target")]
    server, client, target = f"{prefix}-server", f"{prefix}-client", f"{prefix}-target"
    # Instances reach each other at their topology addresses, inside the namespaces only.
    assert ns_run(client, "ping", "-c", "1", "-W", "2", "10.0.1.20").returncode == 0

    ec2 = lab.ec2()
    enis = topology_enis(ec2)
    target_id = ec2.create_traffic_mirror_target(NetworkInterfaceId=enis["Target"])["TrafficMirrorTarget"]["TrafficMirrorTargetId"]
    filter_id = ec2.create_traffic_mirror_filter()["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    for direction in ("ingress", "egress"):
        ec2.create_traffic_mirror_filter_rule(
            TrafficMirrorFilterId=filter_id, TrafficDirection=direction, RuleNumber=100, RuleAction="accept",
            Protocol=1, SourceCidrBlock="0.0.0.0/0", DestinationCidrBlock="0.0.0.0/0")
    session = ec2.create_traffic_mirror_session(
        NetworkInterfaceId=enis["Server"], TrafficMirrorTargetId=target_id, TrafficMirrorFilterId=filter_id,
        SessionNumber=1, VirtualNetworkId=777)["TrafficMirrorSession"]["TrafficMirrorSessionId"]

    # The answer came after the kernel changed: the tunnel is there now.
    link = ns_run(server, "ip", "-d", "link", "show", "vx0").stdout
    assert "vxlan id 777 remote 10.0.1.30 local 10.0.1.20" in link, link

    # Mirrored pings arrive at the target: mirrorplan's own live capture inside the target's namespace.
    capture = subprocess.Popen(
        ["ip", "netns", "exec", target, str(BINARY), "verify", "--interface", "eth0", "--duration", "4s",
         "--from", "10.0.1.10", "--to", "10.0.1.20", "--vni", "777", "--count", "3", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Wait until the capture's AF_PACKET socket is open in the target namespace.
    deadline = time.monotonic() + 20
    while len(ns_run(target, "cat", "/proc/net/packet").stdout.splitlines()) < 2:
        assert time.monotonic() < deadline and capture.poll() is None, "the capture did not start"
        time.sleep(0.05)
    assert ns_run(client, "ping", "-c", "3", "-i", "0.2", "10.0.1.20").returncode == 0
    out, err = capture.communicate(timeout=30)
    assert capture.returncode == 0, out + err
    assert '"echoRequests": 3, "echoReplies": 3' in out

    ec2.delete_traffic_mirror_session(TrafficMirrorSessionId=session)
    assert ns_run(server, "ip", "link", "show", "vx0").returncode != 0

    assert lab.stop() == 0
    assert not {n for n in namespaces() if n.startswith(prefix + "-")}
