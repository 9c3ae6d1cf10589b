"""The AWS CLI (botocore's serializer and parser) against `mirrorplan lab serve`: every traffic-mirroring
resource created, described, modified and deleted, and AWS's error codes for the invalid cases."""
import json
import os
import re
import subprocess

import pytest

from conftest import CLIENT_ENV, topology_enis


def aws(lab, *args, check=True):
    env = {**os.environ, **CLIENT_ENV}
    result = subprocess.run(["aws", "ec2", *args, "--endpoint-url", lab.url, "--output", "json"],
                            env=env, capture_output=True, text=True, timeout=60)
    if check:
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else {}
    return result


def error_code(result):
    assert result.returncode != 0, result.stdout
    match = re.search(r"An error occurred \(([^)]+)\)", result.stderr)
    assert match, result.stderr
    return match.group(1)


@pytest.fixture
def world(lab):
    """A target on Target's ENI, a filter with one ingress rule, a session from Server's ENI. Built with boto3
    (fast, in-process); the lifecycle test below does the same with the CLI."""
    ec2 = lab.ec2()
    enis = topology_enis(ec2)
    target = ec2.create_traffic_mirror_target(NetworkInterfaceId=enis["Target"], Description="monitor")["TrafficMirrorTarget"]
    filt = ec2.create_traffic_mirror_filter(Description="web")["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    rule = ec2.create_traffic_mirror_filter_rule(
        TrafficMirrorFilterId=filt, TrafficDirection="ingress", RuleNumber=100, RuleAction="accept", Protocol=6,
        DestinationPortRange={"FromPort": 80, "ToPort": 80}, DestinationCidrBlock="0.0.0.0/0",
        SourceCidrBlock="10.0.0.0/8")["TrafficMirrorFilterRule"]["TrafficMirrorFilterRuleId"]
    session = ec2.create_traffic_mirror_session(
        NetworkInterfaceId=enis["Server"], TrafficMirrorTargetId=target["TrafficMirrorTargetId"], TrafficMirrorFilterId=filt,
        SessionNumber=1)["TrafficMirrorSession"]
    return {"lab": lab, "T": target["TrafficMirrorTargetId"], "F": filt, "R": rule, "S": session["TrafficMirrorSessionId"],
            "VNI": session["VirtualNetworkId"], "SRC": enis["Server"], "SRC2": enis["Client"], "TENI": enis["Target"]}


@pytest.fixture
def cli_world(lab):
    """The same world, built with the AWS CLI."""
    enis = topology_enis(lab.ec2())
    target = aws(lab, "create-traffic-mirror-target", "--network-interface-id", enis["Target"],
                 "--description", "monitor")["TrafficMirrorTarget"]["TrafficMirrorTargetId"]
    filt = aws(lab, "create-traffic-mirror-filter", "--description", "web")["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    rule = aws(lab, "create-traffic-mirror-filter-rule", "--traffic-mirror-filter-id", filt, "--traffic-direction", "ingress",
               "--rule-number", "100", "--rule-action", "accept", "--protocol", "6",
               "--destination-port-range", "FromPort=80,ToPort=80", "--destination-cidr-block", "0.0.0.0/0",
               "--source-cidr-block", "10.0.0.0/8")["TrafficMirrorFilterRule"]["TrafficMirrorFilterRuleId"]
    session = aws(lab, "create-traffic-mirror-session", "--network-interface-id", enis["Server"], "--traffic-mirror-target-id",
                  target, "--traffic-mirror-filter-id", filt, "--session-number", "1")["TrafficMirrorSession"]
    return {"lab": lab, "T": target, "F": filt, "R": rule, "S": session["TrafficMirrorSessionId"],
            "VNI": session["VirtualNetworkId"], "SRC": enis["Server"], "SRC2": enis["Client"], "TENI": enis["Target"]}


def test_lifecycle_of_every_resource(cli_world):
    world = cli_world
    lab, t, f, r, s = world["lab"], world["T"], world["F"], world["R"], world["S"]
    for value, prefix in ((t, "tmt-"), (f, "tmf-"), (r, "tmfr-"), (s, "tms-")):
        assert re.fullmatch(prefix + "[0-9a-f]{17}", value), value
    assert 1 <= world["VNI"] <= 16777215

    targets = aws(lab, "describe-traffic-mirror-targets", "--traffic-mirror-target-ids", t)["TrafficMirrorTargets"]
    assert targets[0]["Type"] == "network-interface" and targets[0]["NetworkInterfaceId"] == world["TENI"]
    filters = aws(lab, "describe-traffic-mirror-filters", "--filters", "Name=description,Values=web")["TrafficMirrorFilters"]
    assert [x["TrafficMirrorFilterId"] for x in filters] == [f]
    assert filters[0]["IngressFilterRules"][0]["DestinationPortRange"] == {"FromPort": 80, "ToPort": 80}

    # Modify: services, rule (including RemoveFields), session (repoint to an NLB target, unset fields).
    services = aws(lab, "modify-traffic-mirror-filter-network-services", "--traffic-mirror-filter-id", f,
                   "--add-network-services", "amazon-dns")["TrafficMirrorFilter"]["NetworkServices"]
    assert services == ["amazon-dns"]
    rule = aws(lab, "modify-traffic-mirror-filter-rule", "--traffic-mirror-filter-rule-id", r, "--rule-number", "110",
               "--remove-fields", "destination-port-range", "protocol")["TrafficMirrorFilterRule"]
    assert rule["RuleNumber"] == 110 and "Protocol" not in rule and "DestinationPortRange" not in rule
    rules = aws(lab, "describe-traffic-mirror-filter-rules", "--traffic-mirror-filter-id", f)["TrafficMirrorFilterRules"]
    assert [x["RuleNumber"] for x in rules] == [110]
    nlb = aws(lab, "create-traffic-mirror-target", "--network-load-balancer-arn",
              "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/mon/0123456789abcdef")["TrafficMirrorTarget"]
    assert nlb["Type"] == "network-load-balancer"
    session = aws(lab, "modify-traffic-mirror-session", "--traffic-mirror-session-id", s, "--traffic-mirror-target-id",
                  nlb["TrafficMirrorTargetId"], "--packet-length", "128", "--description", "d")["TrafficMirrorSession"]
    assert session["TrafficMirrorSessionId"] == s and session["PacketLength"] == 128
    session = aws(lab, "modify-traffic-mirror-session", "--traffic-mirror-session-id", s,
                  "--remove-fields", "packet-length", "description")["TrafficMirrorSession"]
    assert session["PacketLength"] == 8500 and "Description" not in session  # NLB target default
    sessions = aws(lab, "describe-traffic-mirror-sessions", "--filters",
                   f"Name=traffic-mirror-target-id,Values={nlb['TrafficMirrorTargetId']}")["TrafficMirrorSessions"]
    assert [x["TrafficMirrorSessionId"] for x in sessions] == [s]

    # Tags on every kind.
    aws(lab, "create-tags", "--resources", t, f, r, s, "--tags", "Key=mirrorplan:stack,Value=lab")
    tags = aws(lab, "describe-tags", "--filters", "Name=key,Values=mirrorplan:stack")["Tags"]
    assert sorted(x["ResourceType"] for x in tags) == sorted(
        ["traffic-mirror-target", "traffic-mirror-filter", "traffic-mirror-filter-rule", "traffic-mirror-session"])
    aws(lab, "delete-tags", "--resources", t, "--tags", "Key=mirrorplan:stack")
    assert len(aws(lab, "describe-tags", "--filters", "Name=key,Values=mirrorplan:stack")["Tags"]) == 3

    # Delete in dependency order; everything is gone afterwards.
    aws(lab, "delete-traffic-mirror-session", "--traffic-mirror-session-id", s)
    result = aws(lab, "delete-traffic-mirror-filter", "--traffic-mirror-filter-id", f, check=False)
    assert error_code(result) == "DependencyViolation"  # rules first (the lab's strict reading of an unverified case)
    aws(lab, "delete-traffic-mirror-filter-rule", "--traffic-mirror-filter-rule-id", r)
    aws(lab, "delete-traffic-mirror-filter", "--traffic-mirror-filter-id", f)
    aws(lab, "delete-traffic-mirror-target", "--traffic-mirror-target-id", t)
    aws(lab, "delete-traffic-mirror-target", "--traffic-mirror-target-id", nlb["TrafficMirrorTargetId"])
    assert aws(lab, "describe-traffic-mirror-targets")["TrafficMirrorTargets"] == []
    assert aws(lab, "describe-traffic-mirror-filters")["TrafficMirrorFilters"] == []
    assert aws(lab, "describe-traffic-mirror-sessions")["TrafficMirrorSessions"] == []


def test_cli_auto_pagination_walks_next_tokens(lab):
    for _ in range(12):
        lab.ec2().create_traffic_mirror_filter()
    listed = aws(lab, "describe-traffic-mirror-filters", "--page-size", "5")["TrafficMirrorFilters"]
    assert len({x["TrafficMirrorFilterId"] for x in listed}) == 12
    assert lab.stats()["requests"]["DescribeTrafficMirrorFilters"] == 3


NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/mon/0123456789abcdef"
UNKNOWN = "0123456789abcdef0"

ERROR_CASES = [
    ("unknown target", ["delete-traffic-mirror-target", "--traffic-mirror-target-id", "tmt-" + UNKNOWN], "InvalidTrafficMirrorTargetId.NotFound"),
    ("unknown filter", ["delete-traffic-mirror-filter", "--traffic-mirror-filter-id", "tmf-" + UNKNOWN], "InvalidTrafficMirrorFilterId.NotFound"),
    ("unknown rule", ["delete-traffic-mirror-filter-rule", "--traffic-mirror-filter-rule-id", "tmfr-" + UNKNOWN],
     "InvalidTrafficMirrorFilterRuleId.NotFound"),
    ("unknown session", ["delete-traffic-mirror-session", "--traffic-mirror-session-id", "tms-" + UNKNOWN],
     "InvalidTrafficMirrorSessionId.NotFound"),
    ("describe unknown target", ["describe-traffic-mirror-targets", "--traffic-mirror-target-ids", "tmt-" + UNKNOWN],
     "InvalidTrafficMirrorTargetId.NotFound"),
    ("target in use", ["delete-traffic-mirror-target", "--traffic-mirror-target-id", "{T}"], "TrafficMirrorTargetInUseException"),
    ("filter in use", ["delete-traffic-mirror-filter", "--traffic-mirror-filter-id", "{F}"], "TrafficMirrorFilterInUse"),
    ("rule number collision", ["create-traffic-mirror-filter-rule", "--traffic-mirror-filter-id", "{F}", "--traffic-direction", "ingress",
                               "--rule-number", "100", "--rule-action", "reject", "--destination-cidr-block", "0.0.0.0/0",
                               "--source-cidr-block", "0.0.0.0/0"], "TrafficMirrorFilterRuleAlreadyExists"),
    ("source ENI is a target", ["create-traffic-mirror-session", "--network-interface-id", "{TENI}", "--traffic-mirror-target-id", "{T}",
                                "--traffic-mirror-filter-id", "{F}", "--session-number", "2"], "InvalidParameterValue"),
    ("no target kind", ["create-traffic-mirror-target", "--description", "x"], "MissingParameter"),
    ("two target kinds", ["create-traffic-mirror-target", "--network-interface-id", "{TENI}", "--network-load-balancer-arn", NLB],
     "InvalidParameterCombination"),
    ("packet length 8501", ["modify-traffic-mirror-session", "--traffic-mirror-session-id", "{S}", "--packet-length", "8501"],
     "InvalidParameterValue"),
    ("session number 32767", ["modify-traffic-mirror-session", "--traffic-mirror-session-id", "{S}", "--session-number", "32767"],
     "InvalidParameterValue"),
    ("session number 0", ["create-traffic-mirror-session", "--network-interface-id", "{SRC2}", "--traffic-mirror-target-id", "{T}",
                          "--traffic-mirror-filter-id", "{F}", "--session-number", "0"], "InvalidParameterValue"),
    ("ports with ICMP", ["modify-traffic-mirror-filter-rule", "--traffic-mirror-filter-rule-id", "{R}", "--protocol", "1"],
     "InvalidParameterCombination"),
    ("mixed CIDR families", ["modify-traffic-mirror-filter-rule", "--traffic-mirror-filter-rule-id", "{R}", "--source-cidr-block", "::/0"],
     "InvalidParameterCombination"),
    ("unknown filter name", ["describe-traffic-mirror-sessions", "--filters", "Name=tag:Name,Values=x"], "InvalidParameterValue"),
    ("DryRun", ["create-traffic-mirror-filter", "--dry-run"], "DryRunOperation"),
    ("unknown ENI", ["create-traffic-mirror-target", "--network-interface-id", "eni-" + UNKNOWN], "InvalidNetworkInterfaceID.NotFound"),
    ("bad RemoveField", ["modify-traffic-mirror-session", "--traffic-mirror-session-id", "{S}", "--remove-fields", "session-number"],
     "InvalidParameterValue"),
]


@pytest.mark.parametrize("name,args,code", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_error_codes(world, name, args, code):
    args = [a.format(**world) for a in args]
    assert error_code(aws(world["lab"], *args, check=False)) == code


def test_fourth_session_on_a_source(world):
    lab = world["lab"]
    for number in (2, 3):
        lab.ec2().create_traffic_mirror_session(NetworkInterfaceId=world["SRC"], TrafficMirrorTargetId=world["T"],
                                                TrafficMirrorFilterId=world["F"], SessionNumber=number)
    result = aws(lab, "create-traffic-mirror-session", "--network-interface-id", world["SRC"], "--traffic-mirror-target-id", world["T"],
                 "--traffic-mirror-filter-id", world["F"], "--session-number", "4", check=False)
    assert error_code(result) == "TrafficMirrorSessionsPerInterfaceLimitExceeded"


def test_eleventh_rule(world):
    lab = world["lab"]
    for number in range(1, 10):
        lab.ec2().create_traffic_mirror_filter_rule(
            TrafficMirrorFilterId=world["F"], TrafficDirection="egress", RuleNumber=number, RuleAction="accept",
            DestinationCidrBlock="0.0.0.0/0", SourceCidrBlock="0.0.0.0/0")
    result = aws(lab, "create-traffic-mirror-filter-rule", "--traffic-mirror-filter-id", world["F"], "--traffic-direction", "egress",
                 "--rule-number", "50", "--rule-action", "accept", "--destination-cidr-block", "0.0.0.0/0",
                 "--source-cidr-block", "0.0.0.0/0", check=False)
    assert error_code(result) == "TrafficMirrorFilterRuleLimitExceeded"


def test_client_token_idempotency(lab):
    first = aws(lab, "create-traffic-mirror-filter", "--description", "a", "--client-token", "plan-1/filter")
    again = aws(lab, "create-traffic-mirror-filter", "--description", "a", "--client-token", "plan-1/filter")
    assert first["TrafficMirrorFilter"]["TrafficMirrorFilterId"] == again["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    assert again["ClientToken"] == "plan-1/filter"
    other = aws(lab, "create-traffic-mirror-filter", "--description", "b", "--client-token", "plan-1/filter", check=False)
    assert error_code(other) == "IdempotentParameterMismatch"
    assert len(aws(lab, "describe-traffic-mirror-filters")["TrafficMirrorFilters"]) == 1
