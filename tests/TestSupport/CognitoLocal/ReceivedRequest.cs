using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// One request as the <see cref="CognitoFaultProxy"/> received it: its place in order, the operation (X-Amz-Target
/// without the service prefix; null without that prefix), headers, the raw body, and the verdict on its SigV4
/// signature (null when unsigned, or when the proxy forwards to cognito-local, which judges it then).
/// </summary>
public sealed record ReceivedRequest(
    int Index,
    string? Operation,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    byte[] RawBody,
    SignatureVerdict? Signature)
{
    /// <summary>The body as a JSON object (parsed afresh on each read, so callers cannot change what was received).</summary>
    public JsonObject Body => JsonNode.Parse(RawBody) as JsonObject ?? throw new InvalidOperationException("The body is not a JSON object.");

    public bool IsSigned => Headers.ContainsKey("Authorization");
}
