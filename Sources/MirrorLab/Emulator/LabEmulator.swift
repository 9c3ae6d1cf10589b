import Foundation

/// The lab's core: a pure function from one EC2 Query request to EC2's XML answer, over a `LabState`.
/// No I/O, no clock: the transport, the server and the tests all drive this one type.
public struct LabEmulator: Sendable {
    public var state: LabState
    /// IDs the Describe call being handled must not see (eventual consistency); set per request.
    var hiddenThisRead: Set<String> = []

    public init(state: LabState = LabState()) { self.state = state }

    /// The only API version the lab speaks (every SDK sends it).
    public static let apiVersion = "2016-11-15"

    /// Handles a decoded request. Errors come back as EC2 error envelopes, never as thrown errors.
    public mutating func handle(_ parameters: QueryParameters) -> LabResponse {
        let requestId = state.random.requestId()
        let actionName = parameters["Action"]
        do throws(LabError) {
            guard let name = actionName, !name.isEmpty else { throw LabError.missing("Action") }
            guard let action = LabAction(rawValue: name) else {
                throw LabError(
                    code: "InvalidAction",
                    message: "The action \(name.prefix(100)) is not valid for this web service.")
            }
            guard let version = parameters["Version"] else { throw LabError.missing("Version") }
            guard version == Self.apiVersion else {
                throw LabError(
                    code: "NoSuchVersion",
                    message:
                        "The requested version (\(version.prefix(40))) of service AmazonEC2 does not exist; use \(Self.apiVersion)."
                )
            }
            try action.checkKeys(parameters)
            let dryRun = try parameters.bool("DryRun")
            let before = state
            hiddenThisRead = action.describedKind.map { readHidden($0, counting: !dryRun) } ?? []
            // DryRun runs the whole request on a copy and throws the result away, so a DryRun fails for
            // the same reasons the real call would (the strict reading; AWS documents only permissions).
            var scratch = self
            let body = try scratch.perform(action, parameters)
            if dryRun { throw LabError.dryRun }
            let changed = scratch.state != before
            self = scratch
            return LabResponse(
                action: name, status: 200,
                body: EC2Envelope.success(action: name, requestId: requestId, body: body),
                errorCode: nil, changedState: changed)
        } catch {
            return Self.errorResponse(error, action: actionName, requestId: requestId)
        }
    }

    /// Decodes a form-encoded body (plus any URL query parameters) and handles it.
    public mutating func handle(body: Data, urlQuery: String? = nil) -> LabResponse {
        do throws(LabError) {
            var parameters = try QueryParameters(formEncoded: body)
            if let urlQuery, !urlQuery.isEmpty { parameters.merge(try QueryParameters(formEncoded: urlQuery)) }
            return handle(parameters)
        } catch {
            return Self.errorResponse(error, action: nil, requestId: state.random.requestId())
        }
    }

    static func errorResponse(_ error: LabError, action: String?, requestId: String) -> LabResponse {
        LabResponse(
            action: action, status: error.status, body: EC2Envelope.error(error, requestId: requestId),
            errorCode: error.code, changedState: false)
    }

    private mutating func perform(_ action: LabAction, _ p: QueryParameters) throws(LabError) -> [XMLNode] {
        switch action {
        case .createTrafficMirrorTarget: try createTarget(p)
        case .deleteTrafficMirrorTarget: try deleteTarget(p)
        case .describeTrafficMirrorTargets: try describeTargets(p)
        case .createTrafficMirrorFilter: try createFilter(p)
        case .deleteTrafficMirrorFilter: try deleteFilter(p)
        case .describeTrafficMirrorFilters: try describeFilters(p)
        case .modifyTrafficMirrorFilterNetworkServices: try modifyNetworkServices(p)
        case .createTrafficMirrorFilterRule: try createRule(p)
        case .modifyTrafficMirrorFilterRule: try modifyRule(p)
        case .deleteTrafficMirrorFilterRule: try deleteRule(p)
        case .describeTrafficMirrorFilterRules: try describeRules(p)
        case .createTrafficMirrorSession: try createSession(p)
        case .modifyTrafficMirrorSession: try modifySession(p)
        case .deleteTrafficMirrorSession: try deleteSession(p)
        case .describeTrafficMirrorSessions: try describeSessions(p)
        case .describeInstances: try describeInstances(p)
        case .describeNetworkInterfaces: try describeNetworkInterfaces(p)
        case .describeInstanceTypes: try describeInstanceTypes(p)
        case .createTags: try createTags(p)
        case .deleteTags: try deleteTags(p)
        case .describeTags: try describeTags(p)
        }
    }

    // MARK: shared checks

    /// The index of an existing resource, or AWS's Malformed / NotFound error for `id`.
    func lookup(_ kind: ResourceKind, _ id: String) throws(LabError) -> Int {
        guard kind.isWellFormed(id) else { throw LabError.malformed(kind, id) }
        guard let index = state.index(of: kind, id) else { throw LabError.notFound(kind, id) }
        return index
    }

    /// ClientToken idempotency: same token and parameters → the earlier resource's ID; same token, other
    /// parameters → `IdempotentParameterMismatch`; new token → nil (create, then `remember`).
    func replay(_ p: QueryParameters) throws(LabError) -> (token: String?, fingerprint: String, resourceId: String?) {
        let fingerprint = p.fingerprint(excluding: ["ClientToken", "DryRun", "Version"])
        guard let token = p["ClientToken"] else { return (nil, fingerprint, nil) }
        guard !token.isEmpty, token.count <= 64, token.allSatisfy(\.isASCII) else {
            throw LabError.invalidValue(
                "ClientToken", String(token.prefix(80)), "A client token is 1 to 64 ASCII characters.")
        }
        guard let earlier = state.clientTokens[token] else { return (token, fingerprint, nil) }
        guard earlier.fingerprint == fingerprint else {
            throw LabError(
                code: "IdempotentParameterMismatch",
                message:
                    "The client token '\(token)' was used before with different parameters; use a new token for a different request."
            )
        }
        return (token, fingerprint, earlier.resourceId)
    }

    /// Records a Create's token and returns its response body (`element` plus the echoed token).
    mutating func remember(
        _ replayed: (token: String?, fingerprint: String, resourceId: String?), resourceId: String,
        element: XMLNode
    ) -> [XMLNode] {
        if let token = replayed.token {
            state.clientTokens[token] = ClientTokenRecord(
                fingerprint: replayed.fingerprint, resourceId: resourceId,
                snapshot: element.fragment())
        }
        return [element] + XMLNode.leaf("clientToken", replayed.token)
    }

    /// The answer to a replayed Create: the resource as it is now, or as first returned if deleted since.
    func replayAnswer(
        _ replayed: (token: String?, fingerprint: String, resourceId: String?), kind: ResourceKind,
        element: String
    ) -> [XMLNode]? {
        guard let id = replayed.resourceId, let token = replayed.token else { return nil }
        let current: [XMLNode]? =
            switch kind {
            case .target: state.targets.first { $0.id == id }.map { state.xml($0) }
            case .filter: state.filters.first { $0.id == id }.map { state.xml($0) }
            case .rule: state.rules.first { $0.id == id }.map { state.xml($0) }
            case .session: state.sessions.first { $0.id == id }.map { state.xml($0) }
            default: nil
            }
        let node = current.map { XMLNode(element, $0) } ?? XMLNode(raw: state.clientTokens[token]?.snapshot ?? "")
        return [node, XMLNode("clientToken", text: token)]
    }

    /// Tags from `TagSpecification.N` for a resource of `resourceType`.
    func tagSpecifications(_ p: QueryParameters, resourceType: String) throws(LabError) -> [Tag] {
        var tags: [Tag] = []
        for index in try p.indices(under: "TagSpecification") {
            let spec = p.nested("TagSpecification.\(index)")
            guard let type = spec["ResourceType"] else {
                throw LabError.missing("TagSpecification.\(index).ResourceType")
            }
            guard type == resourceType else {
                throw LabError.invalidValue(
                    "TagSpecification.\(index).ResourceType", type,
                    "This call creates a \(resourceType); tag it with that resource type.")
            }
            tags = try Self.merge(tags, try Self.tagList(spec, prefix: "TagSpecification.\(index)."))
        }
        return tags
    }

    /// `Tag.N.Key` / `Tag.N.Value` (value defaults to empty), validated as CreateTags documents.
    static func tagList(_ p: QueryParameters, prefix: String, requireValue: Bool = false) throws(LabError) -> [Tag] {
        var tags: [Tag] = []
        for index in try p.indices(under: "Tag") {
            let item = p.nested("Tag.\(index)")
            guard let key = item["Key"] else { throw LabError.missing("\(prefix)Tag.\(index).Key") }
            let value = item["Value"] ?? ""
            guard !key.isEmpty, key.count <= 127 else {
                throw LabError.invalidValue("\(prefix)Tag.\(index).Key", key, "Tag keys are 1 to 127 characters.")
            }
            guard !key.lowercased().hasPrefix("aws:") else {
                throw LabError.invalidValue(
                    "\(prefix)Tag.\(index).Key", key, "Tag keys may not start with 'aws:'; that prefix is reserved.")
            }
            guard value.count <= 256 else {
                throw LabError.invalidValue(
                    "\(prefix)Tag.\(index).Value", String(value.prefix(40)), "Tag values are at most 256 characters.")
            }
            tags = try merge(tags, [Tag(key: key, value: value)])
        }
        return tags
    }

    /// Adds or overwrites tags by key; more than 50 on one resource is `TagLimitExceeded`.
    static func merge(_ base: [Tag], _ added: [Tag]) throws(LabError) -> [Tag] {
        var result = base
        for tag in added {
            if let i = result.firstIndex(where: { $0.key == tag.key }) { result[i] = tag } else { result.append(tag) }
        }
        guard result.count <= 50 else {
            throw LabError(
                code: "TagLimitExceeded",
                message: "A resource can have at most 50 tags; remove some before adding more.")
        }
        return result
    }
}
