import Foundation

/// EC2's XML for each resource (element names from the model's locationNames, reference §A.4).
extension LabState {
    func tagSet(_ id: String) -> XMLNode {
        XMLNode.set("tagSet", tags(of: id).map { [XMLNode("key", text: $0.key), XMLNode("value", text: $0.value)] })
    }

    func xml(_ t: TargetRecord) -> [XMLNode] {
        [XMLNode("trafficMirrorTargetId", text: t.id)]
            + XMLNode.leaf("networkInterfaceId", t.networkInterfaceId)
            + XMLNode.leaf("networkLoadBalancerArn", t.networkLoadBalancerArn)
            + [XMLNode("type", text: t.type)]
            + XMLNode.leaf("description", t.description)
            + [XMLNode("ownerId", text: t.ownerId), tagSet(t.id)]
            + XMLNode.leaf("gatewayLoadBalancerEndpointId", t.gatewayLoadBalancerEndpointId)
    }

    func xml(_ f: FilterRecord) -> [XMLNode] {
        let mine = rules.filter { $0.filterId == f.id }.sorted { $0.number < $1.number }
        return [
            XMLNode("trafficMirrorFilterId", text: f.id),
            XMLNode.set("ingressFilterRuleSet", mine.filter { $0.direction == "ingress" }.map { xml($0) }),
            XMLNode.set("egressFilterRuleSet", mine.filter { $0.direction == "egress" }.map { xml($0) }),
            XMLNode.stringSet("networkServiceSet", f.networkServices),
        ]
            + XMLNode.leaf("description", f.description)
            + [tagSet(f.id)]
    }

    func xml(_ r: RuleRecord, withTags: Bool = true) -> [XMLNode] {
        func range(_ name: String, _ value: PortRange?) -> [XMLNode] {
            value.map {
                [XMLNode(name, [XMLNode("fromPort", text: String($0.from)), XMLNode("toPort", text: String($0.to))])]
            } ?? []
        }
        return [
            XMLNode("trafficMirrorFilterRuleId", text: r.id), XMLNode("trafficMirrorFilterId", text: r.filterId),
            XMLNode("trafficDirection", text: r.direction), XMLNode("ruleNumber", text: String(r.number)),
            XMLNode("ruleAction", text: r.action),
        ]
            + XMLNode.leaf("protocol", r.protocol)
            + range("destinationPortRange", r.destinationPortRange)
            + range("sourcePortRange", r.sourcePortRange)
            + [
                XMLNode("destinationCidrBlock", text: r.destinationCidrBlock),
                XMLNode("sourceCidrBlock", text: r.sourceCidrBlock),
            ]
            + XMLNode.leaf("description", r.description)
            + (withTags ? [tagSet(r.id)] : [])
    }

    func xml(_ s: SessionRecord) -> [XMLNode] {
        [
            XMLNode("trafficMirrorSessionId", text: s.id), XMLNode("trafficMirrorTargetId", text: s.targetId),
            XMLNode("trafficMirrorFilterId", text: s.filterId),
            XMLNode("networkInterfaceId", text: s.networkInterfaceId),
            XMLNode("ownerId", text: s.ownerId),
        ]
            + XMLNode.leaf("packetLength", s.packetLength)
            + [
                XMLNode("sessionNumber", text: String(s.sessionNumber)),
                XMLNode("virtualNetworkId", text: String(s.virtualNetworkId)),
            ]
            + XMLNode.leaf("description", s.description)
            + [tagSet(s.id)]
    }

    func xml(_ eni: NetworkInterfaceRecord) -> [XMLNode] {
        let attachment = XMLNode(
            "attachment",
            [
                XMLNode("attachmentId", text: eni.attachmentId), XMLNode("deviceIndex", text: String(eni.deviceIndex)),
                XMLNode("networkCardIndex", text: "0"), XMLNode("instanceId", text: eni.instanceId),
                XMLNode("instanceOwnerId", text: accountId), XMLNode("status", text: "attached"),
                XMLNode("deleteOnTermination", text: "true"),
            ])
        return [
            XMLNode("networkInterfaceId", text: eni.id), XMLNode("subnetId", text: eni.subnetId),
            XMLNode("vpcId", text: eni.vpcId), XMLNode("availabilityZone", text: eni.availabilityZone),
            XMLNode("description", text: ""), XMLNode("ownerId", text: accountId),
            XMLNode("requesterManaged", text: "false"), XMLNode("status", text: "in-use"),
            XMLNode("macAddress", text: eni.macAddress), XMLNode("privateIpAddress", text: eni.privateIpAddress),
            XMLNode("sourceDestCheck", text: "true"), XMLNode("interfaceType", text: "interface"),
            XMLNode.set("groupSet", []), attachment,
            XMLNode.set(
                "privateIpAddressesSet",
                [
                    [
                        XMLNode("privateIpAddress", text: eni.privateIpAddress),
                        XMLNode("primary", text: "true"),
                    ]
                ]),
            XMLNode(
                "tagSet",
                tags(of: eni.id).map {
                    XMLNode("item", [XMLNode("key", text: $0.key), XMLNode("value", text: $0.value)])
                }),
        ]
    }

    func xml(_ i: InstanceRecord) -> [XMLNode] {
        let eni = network.networkInterfaces.first { $0.id == i.networkInterfaceId }
        return [
            XMLNode("instanceId", text: i.id), XMLNode("imageId", text: "ami-0" + StableHash.hex17("ami").dropFirst()),
            XMLNode("instanceState", [XMLNode("code", text: "16"), XMLNode("name", text: "running")]),
            XMLNode(
                "privateDnsName", text: "ip-\(i.privateIpAddress.replacingOccurrences(of: ".", with: "-")).ec2.internal"
            ),
            XMLNode("instanceType", text: i.instanceType),
            XMLNode(
                "placement",
                [XMLNode("availabilityZone", text: i.availabilityZone), XMLNode("tenancy", text: "default")]),
            XMLNode("subnetId", text: i.subnetId), XMLNode("vpcId", text: i.vpcId),
            XMLNode("privateIpAddress", text: i.privateIpAddress), XMLNode("architecture", text: "x86_64"),
            XMLNode("rootDeviceType", text: "ebs"), XMLNode("virtualizationType", text: "hvm"),
            XMLNode("hypervisor", text: "xen"), tagSet(i.id),
            XMLNode.set("networkInterfaceSet", eni.map { [xml($0)] } ?? []),
        ]
    }
}
