import Foundation

/// Instance-role credentials from the EC2 instance metadata service, IMDSv2 style: `PUT /latest/api/token`,
/// then the role name and the role's credentials with the token. Falls back to IMDSv1 only when the token
/// request is refused with 403/404/405 and v1 is not disabled.
public struct IMDSCredentialProvider: CredentialProvider {
    let endpoint: URL
    let transport: any HTTPTransport
    let allowV1: Bool
    let timeout: TimeInterval

    public init(endpoint: URL, transport: any HTTPTransport, allowV1: Bool = true, timeout: TimeInterval = 1) {
        self.endpoint = endpoint
        self.transport = transport
        self.allowV1 = allowV1
        self.timeout = timeout
    }

    /// Nil when `AWS_EC2_METADATA_DISABLED=true`.
    public static func fromEnvironment(_ environment: [String: String], transport: any HTTPTransport)
        -> IMDSCredentialProvider?
    {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" { return nil }
        let text =
            environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"]
            ?? (environment["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]?.lowercased() == "ipv6"
                ? "http://[fd00:ec2::254]" : "http://169.254.169.254")
        guard let url = URL(string: text) else { return nil }
        return IMDSCredentialProvider(
            endpoint: url, transport: transport,
            allowV1: environment["AWS_EC2_METADATA_V1_DISABLED"]?.lowercased() != "true")
    }

    public var description: String { "EC2 instance metadata (\(endpoint.absoluteString))" }

    struct RoleCredentials: Decodable {
        var Code: String?
        var AccessKeyId: String
        var SecretAccessKey: String
        var Token: String?
        var Expiration: String?
    }

    public func resolve() async throws -> ResolvedCredentials? {
        var tokenHeader: [(name: String, value: String)] = []
        var tokenRequest = HTTPRequest(
            method: "PUT", url: url("/latest/api/token"),
            headers: [(name: "X-aws-ec2-metadata-token-ttl-seconds", value: "21600")])
        tokenRequest.timeout = timeout
        let tokenResponse: HTTPResponse
        do {
            tokenResponse = try await transport.send(tokenRequest)
        } catch {
            return nil  // no metadata service here: not on EC2
        }
        switch tokenResponse.status {
        case 200:
            tokenHeader = [
                (name: "X-aws-ec2-metadata-token", value: String(decoding: tokenResponse.body, as: UTF8.self))
            ]
        case 403 where allowV1, 404 where allowV1, 405 where allowV1: tokenHeader = []
        default:
            throw CredentialError(
                "the instance metadata service refused a session token (HTTP \(tokenResponse.status))")
        }
        let roleResponse = try await get("/latest/meta-data/iam/security-credentials/", headers: tokenHeader)
        guard roleResponse.status == 200 else {
            if roleResponse.status == 404 { return nil }  // an instance without a role
            throw CredentialError(
                "the instance metadata service answered HTTP \(roleResponse.status) for the role name")
        }
        let role =
            String(decoding: roleResponse.body, as: UTF8.self).split(separator: "\n").first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !role.isEmpty, !role.contains("/") else {
            throw CredentialError("the instance metadata service returned no usable role name")
        }
        let credentialsResponse = try await get(
            "/latest/meta-data/iam/security-credentials/\(role)", headers: tokenHeader)
        guard credentialsResponse.status == 200,
            let decoded = try? JSONDecoder().decode(RoleCredentials.self, from: credentialsResponse.body)
        else {
            throw CredentialError(
                "the instance metadata service did not return credentials for role \(role) (HTTP \(credentialsResponse.status))"
            )
        }
        if let code = decoded.Code, code != "Success" {
            throw CredentialError("the instance metadata service reports \(code) for role \(role)")
        }
        return ResolvedCredentials(
            credentials: AWSCredentials(
                accessKeyID: decoded.AccessKeyId, secretAccessKey: decoded.SecretAccessKey, sessionToken: decoded.Token,
                expiration: decoded.Expiration.flatMap(ISO8601.parse)),
            source: "instance role \(role) (IMDS)")
    }

    func url(_ path: String) -> URL {
        URL(string: endpoint.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path) ?? endpoint
    }

    func get(_ path: String, headers: [(name: String, value: String)]) async throws -> HTTPResponse {
        var request = HTTPRequest(method: "GET", url: url(path), headers: headers)
        request.timeout = timeout
        do {
            return try await transport.send(request)
        } catch {
            throw CredentialError("the instance metadata service stopped answering: \(error)")
        }
    }
}
