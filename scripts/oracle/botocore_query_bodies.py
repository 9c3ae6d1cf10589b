#!/usr/bin/env python3
"""The oracle for mirrorplan's EC2 Query encoder and XML decoder: botocore 1.43.x.

Writes Tests/EC2QueryTests/Fixtures/botocore/query-bodies.json (the form body botocore's EC2Serializer produces
for each named input; EC2QueryEncodingTests builds the same inputs in Swift) and responses.json (XML bodies
with what botocore's EC2QueryParser makes of them; EC2ResponseDecodingTests decodes the same bytes).
Parameters are passed in the model's member order, the order the Swift encoder emits.
Run: python3 scripts/oracle/botocore_query_bodies.py   (Python never runs during the Swift tests.)
"""
import datetime
import json
import pathlib

import botocore
import botocore.session
from botocore.parsers import create_parser
from botocore.serialize import create_serializer

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/EC2QueryTests/Fixtures/botocore"
model = botocore.session.get_session().get_service_model("ec2")
serializer = create_serializer("ec2")
parser = create_parser("ec2")

TAGS = [{"Key": "Name", "Value": "t1"}, {"Key": "mirrorplan:stack", "Value": "lab & co=1"}]

CASES = {
    "create-target-eni": ("CreateTrafficMirrorTarget", {
        "NetworkInterfaceId": "eni-1", "Description": "d ü/+",
        "TagSpecifications": [{"ResourceType": "traffic-mirror-target", "Tags": TAGS}],
        "DryRun": False, "ClientToken": "tok-1"}),
    "create-target-nlb": ("CreateTrafficMirrorTarget", {
        "NetworkLoadBalancerArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/m/1",
        "ClientToken": "tok-2"}),
    "create-target-gwlbe": ("CreateTrafficMirrorTarget", {
        "ClientToken": "tok-3", "GatewayLoadBalancerEndpointId": "vpce-1"}),
    "delete-target": ("DeleteTrafficMirrorTarget", {"TrafficMirrorTargetId": "tmt-1", "DryRun": True}),
    "describe-targets": ("DescribeTrafficMirrorTargets", {
        "TrafficMirrorTargetIds": ["tmt-1", "tmt-2"],
        "Filters": [{"Name": "description", "Values": ["a", "b"]}, {"Name": "owner-id", "Values": ["1"]}],
        "MaxResults": 5, "NextToken": "nt/+="}),
    "describe-targets-page": ("DescribeTrafficMirrorTargets", {"MaxResults": 1000}),
    "create-filter": ("CreateTrafficMirrorFilter", {
        "Description": "icmp only",
        "TagSpecifications": [{"ResourceType": "traffic-mirror-filter", "Tags": TAGS}],
        "ClientToken": "tok-4"}),
    "delete-filter": ("DeleteTrafficMirrorFilter", {"TrafficMirrorFilterId": "tmf-1"}),
    "describe-filters": ("DescribeTrafficMirrorFilters", {
        "TrafficMirrorFilterIds": ["tmf-1"], "DryRun": False,
        "Filters": [{"Name": "traffic-mirror-filter-id", "Values": ["tmf-1"]}]}),
    "modify-network-services": ("ModifyTrafficMirrorFilterNetworkServices", {
        "TrafficMirrorFilterId": "tmf-1", "AddNetworkServices": ["amazon-dns"], "RemoveNetworkServices": ["amazon-dns"]}),
    "modify-network-services-empty": ("ModifyTrafficMirrorFilterNetworkServices", {
        "TrafficMirrorFilterId": "tmf-1", "AddNetworkServices": [], "RemoveNetworkServices": []}),
    "create-rule": ("CreateTrafficMirrorFilterRule", {
        "TrafficMirrorFilterId": "tmf-1", "TrafficDirection": "ingress", "RuleNumber": 100, "RuleAction": "accept",
        "DestinationPortRange": {"FromPort": 80, "ToPort": 80}, "SourcePortRange": {"FromPort": 1, "ToPort": 65535},
        "Protocol": 6, "DestinationCidrBlock": "0.0.0.0/0", "SourceCidrBlock": "10.0.0.0/8", "Description": "http",
        "ClientToken": "tok", "TagSpecifications": [{"ResourceType": "traffic-mirror-filter-rule",
                                                      "Tags": [{"Key": "k", "Value": "v"}]}]}),
    "create-rule-icmp": ("CreateTrafficMirrorFilterRule", {
        "TrafficMirrorFilterId": "tmf-1", "TrafficDirection": "egress", "RuleNumber": 200, "RuleAction": "reject",
        "Protocol": 1, "DestinationCidrBlock": "::/0", "SourceCidrBlock": "2001:db8::/32", "ClientToken": "tok-5"}),
    "modify-rule": ("ModifyTrafficMirrorFilterRule", {
        "TrafficMirrorFilterRuleId": "tmfr-1", "RuleNumber": 200,
        "RemoveFields": ["destination-port-range", "source-port-range", "protocol", "description"]}),
    "modify-rule-all": ("ModifyTrafficMirrorFilterRule", {
        "TrafficMirrorFilterRuleId": "tmfr-1", "TrafficDirection": "egress", "RuleNumber": 5, "RuleAction": "reject",
        "DestinationPortRange": {"FromPort": 53}, "Protocol": 17, "DestinationCidrBlock": "10.1.0.0/16",
        "SourceCidrBlock": "10.2.0.0/16", "Description": "dns", "DryRun": True}),
    "delete-rule": ("DeleteTrafficMirrorFilterRule", {"TrafficMirrorFilterRuleId": "tmfr-1"}),
    "describe-rules": ("DescribeTrafficMirrorFilterRules", {
        "TrafficMirrorFilterRuleIds": ["tmfr-1"], "TrafficMirrorFilterId": "tmf-1",
        "Filters": [{"Name": "traffic-direction", "Values": ["ingress"]}], "MaxResults": 5}),
    "create-session": ("CreateTrafficMirrorSession", {
        "NetworkInterfaceId": "eni-2", "TrafficMirrorTargetId": "tmt-1", "TrafficMirrorFilterId": "tmf-1",
        "PacketLength": 128, "SessionNumber": 1, "VirtualNetworkId": 4242, "Description": "web-1 mirror",
        "TagSpecifications": [{"ResourceType": "traffic-mirror-session", "Tags": TAGS}], "ClientToken": "tok-6"}),
    "modify-session": ("ModifyTrafficMirrorSession", {
        "TrafficMirrorSessionId": "tms-1", "TrafficMirrorTargetId": "tmt-2",
        "RemoveFields": ["packet-length", "description", "virtual-network-id"]}),
    "modify-session-all": ("ModifyTrafficMirrorSession", {
        "TrafficMirrorSessionId": "tms-1", "TrafficMirrorTargetId": "tmt-2", "TrafficMirrorFilterId": "tmf-2",
        "PacketLength": 9, "SessionNumber": 3, "VirtualNetworkId": 7, "Description": "x", "DryRun": False}),
    "delete-session": ("DeleteTrafficMirrorSession", {"TrafficMirrorSessionId": "tms-1"}),
    "describe-sessions": ("DescribeTrafficMirrorSessions", {
        "Filters": [{"Name": "network-interface-id", "Values": ["eni-1"]}], "MaxResults": 1000, "NextToken": "abc"}),
    "describe-instances-names": ("DescribeInstances", {
        "Filters": [{"Name": "tag:Name", "Values": ["web", "db"]}], "MaxResults": 1000}),
    "describe-instances-ids": ("DescribeInstances", {"InstanceIds": ["i-1", "i-2"], "DryRun": False}),
    "describe-network-interfaces": ("DescribeNetworkInterfaces", {
        "NextToken": "n", "MaxResults": 1000,
        "Filters": [{"Name": "attachment.instance-id", "Values": ["i-1"]},
                    {"Name": "attachment.device-index", "Values": ["0"]}]}),
    "describe-network-interfaces-ids": ("DescribeNetworkInterfaces", {"NetworkInterfaceIds": ["eni-1", "eni-2"]}),
    "describe-instance-types": ("DescribeInstanceTypes", {"InstanceTypes": ["m5.large", "t2.micro"]}),
    "create-tags": ("CreateTags", {"Resources": ["tms-1", "tmf-1"], "Tags": TAGS}),
    "delete-tags": ("DeleteTags", {"Resources": ["tms-1"], "Tags": [{"Key": "k"}, {"Key": "e", "Value": ""}]}),
}


def ordered(op, params):
    """Reorders params (recursively for structures) into the model's member order."""
    def walk(shape, value):
        if shape.type_name == "structure":
            return {k: walk(shape.members[k], value[k]) for k in shape.members if k in value}
        if shape.type_name == "list":
            return [walk(shape.member, v) for v in value]
        return value
    return walk(model.operation_model(op).input_shape, params)


def bodies():
    out = {}
    for name, (op, params) in CASES.items():
        request = serializer.serialize_to_request(ordered(op, params), model.operation_model(op))
        body = request["body"]
        if isinstance(body, dict):  # older botocore returns a dict; encode as botocore's AWSRequest would
            from botocore.utils import percent_encode_sequence
            body = percent_encode_sequence(body)
        out[name] = {"action": op, "body": body}
    return out


NS = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"'
TAGSET = "<tagSet><item><key>Name</key><value>web-1</value></item><item><key>empty</key><value/></item></tagSet>"
RULE = ("<trafficMirrorFilterRuleId>tmfr-1</trafficMirrorFilterRuleId><trafficMirrorFilterId>tmf-1</trafficMirrorFilterId>"
        "<trafficDirection>ingress</trafficDirection><ruleNumber>100</ruleNumber><ruleAction>accept</ruleAction>"
        "<protocol>6</protocol><destinationPortRange><fromPort>80</fromPort><toPort>80</toPort></destinationPortRange>"
        "<destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><sourceCidrBlock>10.0.0.0/8</sourceCidrBlock>"
        "<description>http</description>")
SESSION = ("<trafficMirrorSessionId>tms-0123456789abcdef0</trafficMirrorSessionId>"
           "<trafficMirrorTargetId>tmt-0123456789abcdef0</trafficMirrorTargetId>"
           "<trafficMirrorFilterId>tmf-0123456789abcdef0</trafficMirrorFilterId>"
           "<networkInterfaceId>eni-0123456789abcdef0</networkInterfaceId><ownerId>123456789012</ownerId>"
           "<packetLength>8500</packetLength><sessionNumber>1</sessionNumber><virtualNetworkId>13314501</virtualNetworkId>"
           "<description>web-1 mirror</description>" + TAGSET)

RESPONSES = {
    "describe-sessions-page": ("DescribeTrafficMirrorSessions", 200,
        f'<?xml version="1.0" encoding="UTF-8"?>\n<DescribeTrafficMirrorSessionsResponse {NS}>\n'
        f"  <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>\n"
        f"  <trafficMirrorSessionSet>\n    <item>{SESSION}</item>\n  </trafficMirrorSessionSet>\n"
        f"  <nextToken>abc</nextToken>\n</DescribeTrafficMirrorSessionsResponse>"),
    "describe-sessions-empty": ("DescribeTrafficMirrorSessions", 200,
        f"<DescribeTrafficMirrorSessionsResponse {NS}><requestId>r0</requestId>"
        f"<trafficMirrorSessionSet/></DescribeTrafficMirrorSessionsResponse>"),
    "describe-filters-no-namespace": ("DescribeTrafficMirrorFilters", 200,
        "<DescribeTrafficMirrorFiltersResponse><requestId>r1</requestId><trafficMirrorFilterSet><item>"
        f"<trafficMirrorFilterId>tmf-1</trafficMirrorFilterId><ingressFilterRuleSet><item>{RULE}</item></ingressFilterRuleSet>"
        "<egressFilterRuleSet/><networkServiceSet><item>amazon-dns</item></networkServiceSet>"
        "<description>f</description><tagSet/></item></trafficMirrorFilterSet></DescribeTrafficMirrorFiltersResponse>"),
    "create-target": ("CreateTrafficMirrorTarget", 200,
        f"<CreateTrafficMirrorTargetResponse {NS}><requestId>r2</requestId><trafficMirrorTarget>"
        "<trafficMirrorTargetId>traf-mir-target-odd-prefix</trafficMirrorTargetId><networkInterfaceId>eni-1</networkInterfaceId>"
        "<type>network-interface</type><description>d</description><ownerId>123456789012</ownerId>" + TAGSET +
        "</trafficMirrorTarget><clientToken>tok-1</clientToken></CreateTrafficMirrorTargetResponse>"),
    "create-rule": ("CreateTrafficMirrorFilterRule", 200,
        f"<CreateTrafficMirrorFilterRuleResponse {NS}><requestId>r3</requestId>"
        f"<trafficMirrorFilterRule>{RULE}</trafficMirrorFilterRule><clientToken>tok</clientToken>"
        "</CreateTrafficMirrorFilterRuleResponse>"),
    "describe-instances": ("DescribeInstances", 200,
        f"<DescribeInstancesResponse {NS}><requestId>r4</requestId><reservationSet><item><reservationId>r-1</reservationId>"
        "<instancesSet><item><instanceId>i-0abc</instanceId><instanceType>m5.large</instanceType>"
        "<instanceState><code>16</code><name>running</name></instanceState><privateIpAddress>10.0.1.10</privateIpAddress>"
        "<subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><tagSet><item><key>Name</key><value>Client</value></item></tagSet>"
        "<networkInterfaceSet><item><networkInterfaceId>eni-second</networkInterfaceId><privateIpAddress>10.0.1.99</privateIpAddress>"
        "<attachment><attachmentId>a-2</attachmentId><deviceIndex>1</deviceIndex></attachment></item>"
        "<item><networkInterfaceId>eni-primary</networkInterfaceId><privateIpAddress>10.0.1.10</privateIpAddress>"
        "<attachment><attachmentId>a-1</attachmentId><deviceIndex>0</deviceIndex></attachment></item></networkInterfaceSet>"
        "</item></instancesSet></item></reservationSet></DescribeInstancesResponse>"),
    "describe-network-interfaces": ("DescribeNetworkInterfaces", 200,
        f"<DescribeNetworkInterfacesResponse {NS}><requestId>r5</requestId><networkInterfaceSet><item>"
        "<networkInterfaceId>eni-1</networkInterfaceId><interfaceType>interface</interfaceType><status>in-use</status>"
        "<privateIpAddress>10.0.1.20</privateIpAddress><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId>"
        "<attachment><instanceId>i-1</instanceId><deviceIndex>0</deviceIndex></attachment><tagSet/>"
        "</item></networkInterfaceSet></DescribeNetworkInterfacesResponse>"),
    "describe-instance-types": ("DescribeInstanceTypes", 200,
        f"<DescribeInstanceTypesResponse {NS}><requestId>r6</requestId><instanceTypeSet><item>"
        "<instanceType>m5.large</instanceType><hypervisor>nitro</hypervisor><bareMetal>false</bareMetal></item>"
        "</instanceTypeSet></DescribeInstanceTypesResponse>"),
    "error-not-found": ("DescribeTrafficMirrorSessions", 400,
        "<Response><Errors><Error><Code>InvalidTrafficMirrorSessionId.NotFound</Code>"
        "<Message>The traffic mirror session ID 'tms-1' does not exist.</Message></Error></Errors>"
        "<RequestID>r7</RequestID></Response>"),
    "error-throttled": ("DescribeTrafficMirrorSessions", 503,
        '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code>'
        "<Message>Request limit exceeded.</Message></Error></Errors><RequestID>r8</RequestID></Response>"),
}


def responses():
    out = {}
    for name, (op, status, xml) in RESPONSES.items():
        shape = model.operation_model(op).output_shape
        parsed = parser.parse({"body": xml.encode(), "headers": {}, "status_code": status}, shape)
        parsed.pop("ResponseMetadata", None)
        out[name] = {"action": op, "status": status, "xml": xml, "botocore": parsed}
    return out


def default(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    raise TypeError(repr(value))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    meta = {"botocore": botocore.__version__}
    (OUT / "query-bodies.json").write_text(json.dumps({"generator": meta, "cases": bodies()}, indent=1, sort_keys=True) + "\n")
    (OUT / "responses.json").write_text(
        json.dumps({"generator": meta, "cases": responses()}, indent=1, sort_keys=True, default=default) + "\n")
    print(f"wrote {len(CASES)} bodies and {len(RESPONSES)} responses to {OUT}")
