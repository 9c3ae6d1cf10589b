"""boto3 against `mirrorplan lab serve`: parsing, paginators, idempotency, throttling, fault injection,
persistence across restarts, SigV4 verification, and the error codes the AWS CLI cannot send."""
import re
import time

import botocore.exceptions
import pytest

from conftest import topology_enis

NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/mon/0123456789abcdef"


def code(excinfo):
    return excinfo.value.response["Error"]["Code"]


def status(excinfo):
    return excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"]


def test_paginators_walk_every_page(lab):
    ec2 = lab.ec2()
    enis = topology_enis(ec2)
    targets = [ec2.create_traffic_mirror_target(NetworkLoadBalancerArn=NLB.replace("mon", f"m{i}"))["TrafficMirrorTarget"]
               ["TrafficMirrorTargetId"] for i in range(7)]
    filters = [ec2.create_traffic_mirror_filter(Description=f"f{i}")["TrafficMirrorFilter"]["TrafficMirrorFilterId"] for i in range(11)]
    for number in (1, 2, 3):
        ec2.create_traffic_mirror_session(NetworkInterfaceId=enis["Server"], TrafficMirrorTargetId=targets[number],
                                          TrafficMirrorFilterId=filters[0], SessionNumber=number)
    for name, key, expected in (("describe_traffic_mirror_targets", "TrafficMirrorTargets", 7),
                                ("describe_traffic_mirror_filters", "TrafficMirrorFilters", 11),
                                ("describe_traffic_mirror_sessions", "TrafficMirrorSessions", 3)):
        pages = list(ec2.get_paginator(name).paginate(PaginationConfig={"PageSize": 5}))
        assert sum(len(p[key]) for p in pages) == expected
        assert len(pages) == -(-expected // 5)
        assert "NextToken" not in pages[-1]
    sessions = ec2.describe_traffic_mirror_sessions()["TrafficMirrorSessions"]
    # NLB targets default the packet length to 8500; VNIs are distinct.
    assert {s["PacketLength"] for s in sessions} == {8500}
    assert len({s["VirtualNetworkId"] for s in sessions}) == 3


def test_describe_filter_rules_has_no_paginator_but_pages(lab):
    ec2 = lab.ec2()
    f = ec2.create_traffic_mirror_filter()["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    for n in range(1, 8):
        ec2.create_traffic_mirror_filter_rule(TrafficMirrorFilterId=f, TrafficDirection="ingress", RuleNumber=n, RuleAction="accept",
                                              DestinationCidrBlock="0.0.0.0/0", SourceCidrBlock="0.0.0.0/0", Protocol=1)
    first = ec2.describe_traffic_mirror_filter_rules(TrafficMirrorFilterId=f, MaxResults=5)
    second = ec2.describe_traffic_mirror_filter_rules(TrafficMirrorFilterId=f, MaxResults=5, NextToken=first["NextToken"])
    assert [r["RuleNumber"] for r in first["TrafficMirrorFilterRules"] + second["TrafficMirrorFilterRules"]] == list(range(1, 8))


def test_instances_and_interfaces_from_the_topology(lab):
    ec2 = lab.ec2()
    enis = topology_enis(ec2)
    assert len(set(enis.values())) == 3
    by_instance = ec2.describe_network_interfaces(Filters=[{"Name": "network-interface-id", "Values": [enis["Client"]]}])
    interface = by_instance["NetworkInterfaces"][0]
    assert interface["PrivateIpAddress"] == "10.0.1.10" and interface["InterfaceType"] == "interface"
    again = ec2.describe_network_interfaces(Filters=[{"Name": "attachment.instance-id", "Values": [interface["Attachment"]["InstanceId"]]}])
    assert [n["NetworkInterfaceId"] for n in again["NetworkInterfaces"]] == [enis["Client"]]
    by_id = ec2.describe_instances(Filters=[{"Name": "instance-id", "Values": [interface["Attachment"]["InstanceId"]]}])
    assert by_id["Reservations"][0]["Instances"][0]["Tags"] == [{"Key": "Name", "Value": "Client"}]
    types = ec2.describe_instance_types(InstanceTypes=["m5.large", "c4.large"])["InstanceTypes"]
    assert {t["InstanceType"]: t["Hypervisor"] for t in types} == {"m5.large": "nitro", "c4.large": "xen"}


def test_idempotency_and_dry_run(lab):
    ec2 = lab.ec2()
    a = ec2.create_traffic_mirror_filter(Description="x", ClientToken="tok")["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    b = ec2.create_traffic_mirror_filter(Description="x", ClientToken="tok")["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    assert a == b
    with pytest.raises(botocore.exceptions.ClientError) as e:
        ec2.create_traffic_mirror_filter(Description="y", ClientToken="tok")
    assert code(e) == "IdempotentParameterMismatch"
    with pytest.raises(botocore.exceptions.ClientError) as e:
        ec2.delete_traffic_mirror_filter(TrafficMirrorFilterId=a, DryRun=True)
    assert code(e) == "DryRunOperation" and status(e) == 412
    assert len(ec2.describe_traffic_mirror_filters()["TrafficMirrorFilters"]) == 1


@pytest.mark.parametrize("call,kwargs,expected", [
    ("describe_traffic_mirror_targets", {"MaxResults": 4}, "InvalidParameterValue"),
    ("describe_traffic_mirror_filters", {"MaxResults": 1001}, "InvalidParameterValue"),
    ("describe_traffic_mirror_sessions", {"NextToken": "forged"}, "InvalidNextToken"),
    ("describe_traffic_mirror_filters", {"Filters": [{"Name": "owner-id", "Values": ["1"]}]}, "InvalidParameterValue"),
    ("create_traffic_mirror_session", {"NetworkInterfaceId": "eni-0123456789abcdef0", "TrafficMirrorTargetId": "tmt-0123456789abcdef0",
                                       "TrafficMirrorFilterId": "tmf-0123456789abcdef0", "SessionNumber": 1},
     "InvalidNetworkInterfaceID.NotFound"),
    ("delete_traffic_mirror_target", {"TrafficMirrorTargetId": "nonsense"}, "InvalidTrafficMirrorTargetId.Malformed"),
], ids=["max-results-4", "max-results-1001", "bad-token", "undocumented-filter", "unknown-eni", "malformed-id"])
def test_errors_without_client_side_validation(lab, call, kwargs, expected):
    ec2 = lab.ec2(validate=False)  # botocore would refuse MaxResults < 5 before sending
    with pytest.raises(botocore.exceptions.ClientError) as e:
        getattr(ec2, call)(**kwargs)
    assert code(e) == expected and status(e) == 400


def test_throttling_matches_the_mutating_bucket(start_lab):
    lab = start_lab("--throttle", "aws")
    ec2 = lab.ec2()
    admitted, throttled = 0, []
    began = time.monotonic()
    for _ in range(120):
        try:
            ec2.create_traffic_mirror_filter()
            admitted += 1
        except botocore.exceptions.ClientError as e:
            throttled.append((e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]))
    elapsed = time.monotonic() - began
    # The 50-token burst plus what refilled at 5/s while the loop ran (real time here; the exact rate is
    # tested with an injected clock in ThrottleTests).
    assert 50 <= admitted <= 50 + 5 * elapsed + 1, (admitted, elapsed)
    assert throttled and set(throttled) == {("RequestLimitExceeded", 503)}
    stats = lab.stats()
    assert stats["throttled"] == len(throttled) and stats["requests"]["CreateTrafficMirrorFilter"] == 120
    # Another action has its own bucket.
    ec2.describe_traffic_mirror_filters()


def test_throttled_requests_are_retried_by_the_sdk(start_lab):
    lab = start_lab("--throttle", "aws", "--throttle-scale", "40")
    ec2 = lab.ec2(max_attempts=8)
    for _ in range(80):
        ec2.create_traffic_mirror_filter()  # standard retry mode backs off on RequestLimitExceeded
    assert len(ec2.describe_traffic_mirror_filters()["TrafficMirrorFilters"]) == 80
    assert lab.stats()["throttled"] > 0


def test_injected_failures_reach_the_sdk(start_lab):
    lab = start_lab("--fail-rate", "1", "--seed", "5")
    ec2 = lab.ec2()
    seen = set()
    for _ in range(20):
        try:
            ec2.describe_traffic_mirror_targets()
        except botocore.exceptions.ClientError as e:
            seen.add((e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]))
        except (botocore.exceptions.ConnectionClosedError, botocore.exceptions.EndpointConnectionError,
                botocore.exceptions.ReadTimeoutError):
            seen.add("dropped")
    assert seen == {("InternalError", 500), ("ServiceUnavailable", 503), "dropped"}
    stats = lab.stats()
    assert stats["injectedFailures"] + stats["droppedConnections"] == 20


def test_sdk_retries_ride_over_a_flaky_lab(start_lab):
    lab = start_lab("--fail-rate", "0.2", "--seed", "9")
    ec2 = lab.ec2(max_attempts=10)
    ids = {ec2.create_traffic_mirror_filter(ClientToken=f"t{i}")["TrafficMirrorFilter"]["TrafficMirrorFilterId"] for i in range(30)}
    assert len(ids) == 30  # ClientTokens make a retried create safe even when the answer was lost


def test_state_survives_a_restart(start_lab, tmp_path):
    state = tmp_path / "lab.json"
    first = start_lab("--state", str(state))
    f = first.ec2().create_traffic_mirror_filter(Description="kept")["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    assert first.stop() == 0
    second = start_lab("--state", str(state))
    assert [x["TrafficMirrorFilterId"] for x in second.ec2().describe_traffic_mirror_filters()["TrafficMirrorFilters"]] == [f]


def test_custom_topology(start_lab, tmp_path):
    topology = tmp_path / "topology.yaml"
    topology.write_text("vpc: 10.1.0.0/16\nsubnets:\n  a: 10.1.2.0/24\ninstances:\n"
                        "  - { name: Web, subnet: a, ip: 10.1.2.7, type: c4.large }\n")
    lab = start_lab("--topology", str(topology))
    reservations = lab.ec2().describe_instances(Filters=[{"Name": "tag:Name", "Values": ["Web"]}])["Reservations"]
    instance = reservations[0]["Instances"][0]
    assert instance["PrivateIpAddress"] == "10.1.2.7" and instance["InstanceType"] == "c4.large"


def test_signature_verification(start_lab):
    lab = start_lab("--verify-signatures", "AKIDLABEXAMPLE:lab-secret-example")
    assert lab.ec2().describe_traffic_mirror_filters()["TrafficMirrorFilters"] == []
    with pytest.raises(botocore.exceptions.ClientError) as e:
        lab.ec2(secret="wrong").describe_traffic_mirror_filters()
    assert code(e) == "SignatureDoesNotMatch" and status(e) == 403
    with pytest.raises(botocore.exceptions.ClientError) as e:
        lab.ec2(key="AKIDOTHER").describe_traffic_mirror_filters()
    assert code(e) == "AuthFailure"


def test_ids_have_real_prefixes(lab):
    ec2 = lab.ec2()
    enis = topology_enis(ec2)
    t = ec2.create_traffic_mirror_target(NetworkInterfaceId=enis["Target"])["TrafficMirrorTarget"]["TrafficMirrorTargetId"]
    assert re.fullmatch(r"tmt-[0-9a-f]{17}", t)
    assert all(re.fullmatch(r"eni-[0-9a-f]{17}", e) for e in enis.values())


def test_latency_delays_answers(start_lab):
    lab = start_lab("--latency", "150ms")
    ec2 = lab.ec2()
    ec2.describe_traffic_mirror_filters()  # warm the connection
    began = time.monotonic()
    ec2.describe_traffic_mirror_filters()
    assert time.monotonic() - began >= 0.15


def test_consistency_lag_needs_a_retried_read(start_lab):
    lab = start_lab("--consistency-lag", "2")
    ec2 = lab.ec2()
    f = ec2.create_traffic_mirror_filter()["TrafficMirrorFilter"]["TrafficMirrorFilterId"]
    with pytest.raises(botocore.exceptions.ClientError) as e:
        ec2.describe_traffic_mirror_filters(TrafficMirrorFilterIds=[f])
    assert code(e) == "InvalidTrafficMirrorFilterId.NotFound"
    assert ec2.describe_traffic_mirror_filters()["TrafficMirrorFilters"] == []
    assert [x["TrafficMirrorFilterId"] for x in ec2.describe_traffic_mirror_filters()["TrafficMirrorFilters"]] == [f]
