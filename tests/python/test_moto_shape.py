"""For the two resources moto implements (targets and filters; moto 5.2.1 has Create/Describe only), the same
boto3 calls against moto_server and the lab must give responses of the same shape: the same element paths,
ignoring IDs and other text. Empty elements are dropped on both sides (moto omits empty rule/service sets
in DescribeTrafficMirrorFilters, the lab and AWS's samples send them empty)."""
import xml.etree.ElementTree as ET

import boto3
import botocore.config

from conftest import topology_enis


def client(url):
    return boto3.client("ec2", endpoint_url=url, region_name="us-east-1", aws_access_key_id="AKIDLABEXAMPLE",
                        aws_secret_access_key="lab-secret-example",
                        config=botocore.config.Config(retries={"total_max_attempts": 1}))


def shape(body):
    """Sorted element paths with namespaces stripped, leaving out elements that are empty."""
    paths = set()

    def walk(element, prefix):
        name = element.tag.split("}")[-1]
        path = f"{prefix}/{name}"
        children = list(element)
        if not children and not (element.text or "").strip():
            return
        paths.add(path)
        for child in children:
            walk(child, path)

    walk(ET.fromstring(body), "")
    return sorted(paths)


def exchange(url, eni):
    ec2 = client(url)
    bodies = {}
    ec2.meta.events.register("after-call.ec2", lambda http_response, model, **_: bodies.setdefault(model.name, http_response.content))
    tags = lambda kind: [{"ResourceType": kind, "Tags": [{"Key": "Name", "Value": "x"}]}]
    ec2.create_traffic_mirror_target(NetworkInterfaceId=eni, Description="d", ClientToken="tok-t",
                                     TagSpecifications=tags("traffic-mirror-target"))
    ec2.create_traffic_mirror_filter(Description="f", ClientToken="tok-f", TagSpecifications=tags("traffic-mirror-filter"))
    ec2.describe_traffic_mirror_targets()
    ec2.describe_traffic_mirror_filters()
    return bodies


def test_targets_and_filters_have_moto_shape(lab, moto):
    eni = topology_enis(lab.ec2())["Target"]
    ours, theirs = exchange(lab.url, eni), exchange(moto, eni)
    assert sorted(ours) == sorted(theirs) == ["CreateTrafficMirrorFilter", "CreateTrafficMirrorTarget",
                                              "DescribeTrafficMirrorFilters", "DescribeTrafficMirrorTargets"]
    for action in ours:
        assert shape(ours[action]) == shape(theirs[action]), action


def test_both_answer_with_ec2_namespace_and_request_id(lab, moto):
    eni = topology_enis(lab.ec2())["Target"]
    for bodies in (exchange(lab.url, eni), exchange(moto, eni)):
        for body in bodies.values():
            root = ET.fromstring(body)
            assert root.tag.startswith("{http://ec2.amazonaws.com/doc/2016-11-15")
            assert root.find("{*}requestId") is not None
