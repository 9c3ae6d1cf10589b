/// EC2's response envelopes: `<ActionResponse xmlns=…><requestId/>…` for success and
/// `<Response><Errors><Error>…</Errors><RequestID/>` for errors (note the different request-id spelling).
enum EC2Envelope {
    /// The namespace EC2's sample responses carry (with the trailing slash, reference §A.1).
    static let namespace = "http://ec2.amazonaws.com/doc/2016-11-15/"

    static func success(action: String, requestId: String, body: [XMLNode]) -> String {
        XMLNode(
            "\(action)Response", [XMLNode("requestId", text: requestId)] + body,
            attributes: [("xmlns", namespace)]
        ).render()
    }

    static func error(_ error: LabError, requestId: String) -> String {
        XMLNode(
            "Response",
            [
                XMLNode(
                    "Errors",
                    [XMLNode("Error", [XMLNode("Code", text: error.code), XMLNode("Message", text: error.message)])]),
                XMLNode("RequestID", text: requestId),
            ]
        ).render()
    }
}
