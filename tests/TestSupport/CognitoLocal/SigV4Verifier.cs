using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>The verdict on one request's signature: null when it holds, else why not.</summary>
public sealed record SignatureVerdict(string? Failure, string? AccessKeyId, string? AmzDate, string? Signature)
{
    public bool IsValid => Failure is null;
}

/// <summary>
/// Checks AWS Signature Version 4 on a received request as AWS does, written from the specification for the
/// tests (no SDK code): parse the Authorization header, check the credential scope and the clock skew of
/// X-Amz-Date, rebuild the canonical request from what arrived (signed headers, the body's own hash), derive the
/// signing key from the known secret and compare signatures. A session token must arrive, signed, when the
/// access key was issued with one.
/// </summary>
internal sealed partial class SigV4Verifier(string region, string service, IReadOnlyDictionary<string, KnownAwsKey> keys, TimeSpan allowedSkew)
{
    public SignatureVerdict Verify(HttpRequest request, byte[] body, DateTimeOffset now)
    {
        var authorizations = request.Headers.Authorization;
        if (authorizations.Count != 1)
        {
            return Fail($"{authorizations.Count} Authorization headers");
        }

        var match = AuthorizationPattern().Match(authorizations[0]!);
        if (!match.Success)
        {
            return Fail("Authorization is not AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...");
        }

        var accessKeyId = match.Groups["key"].Value;
        var signature = match.Groups["signature"].Value;
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        SignatureVerdict Reject(string reason) => new(reason, accessKeyId, amzDate, signature);

        if (!keys.TryGetValue(accessKeyId, out var key))
        {
            return Reject("UnrecognizedClient: unknown access key");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return Reject("X-Amz-Date missing or malformed");
        }

        if ((now - signedAt).Duration() > allowedSkew)
        {
            return Reject($"InvalidSignature: Signature expired ({amzDate} vs {now:yyyyMMdd'T'HHmmss'Z'})");
        }

        if (match.Groups["date"].Value != amzDate[..8] || match.Groups["region"].Value != region || match.Groups["service"].Value != service)
        {
            return Reject("credential scope does not match date, region or service");
        }

        var signedHeaders = match.Groups["headers"].Value.Split(';');
        if (!signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-date"))
        {
            return Reject("host and x-amz-date must be signed");
        }

        if (!signedHeaders.SequenceEqual(signedHeaders.Order(StringComparer.Ordinal)))
        {
            return Reject("SignedHeaders are not sorted");
        }

        if (key.SessionToken is { } token
            && (request.Headers["X-Amz-Security-Token"].ToString() != token || !signedHeaders.Contains("x-amz-security-token")))
        {
            return Reject("the session token is missing, wrong or unsigned");
        }

        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (request.Headers.TryGetValue("X-Amz-Content-SHA256", out var declared) && declared.ToString() != payloadHash)
        {
            return Reject("X-Amz-Content-SHA256 is not the body's hash");
        }

        var canonicalRequest = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(CanonicalPath(request.Path)).Append('\n')
            .Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            if (!request.Headers.TryGetValue(name, out var values))
            {
                return Reject($"signed header {name} did not arrive");
            }

            canonicalRequest.Append(name).Append(':').Append(CollapseSpaces().Replace(string.Join(",", values.Select(v => v!.Trim())), " ")).Append('\n');
        }

        canonicalRequest.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);

        var scope = $"{amzDate[..8]}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest.ToString())))}";
        var signingKey = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + key.SecretAccessKey), amzDate[..8]), region), service), "aws4_request");
        var expected = Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? new SignatureVerdict(null, accessKeyId, amzDate, signature)
            : Reject("SignatureDoesNotMatch");
    }

    private static SignatureVerdict Fail(string reason) => new(reason, null, null, null);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string CanonicalPath(PathString path) =>
        path.HasValue && path.Value != "/"
            ? string.Join('/', path.Value!.Split('/').Select(Uri.EscapeDataString))
            : "/";

    private static string CanonicalQuery(IQueryCollection query) =>
        string.Join('&', query
            .SelectMany(pair => pair.Value.Select(value => (Name: Uri.EscapeDataString(pair.Key), Value: Uri.EscapeDataString(value ?? ""))))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => $"{pair.Name}={pair.Value}"));

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<headers>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(" +")]
    private static partial Regex CollapseSpaces();
}

/// <summary>An access key the verifier knows, with its secret and, for temporary credentials, the session token.</summary>
internal sealed record KnownAwsKey(string SecretAccessKey, string? SessionToken = null);
