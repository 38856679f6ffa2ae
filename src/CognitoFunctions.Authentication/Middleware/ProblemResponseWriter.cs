using System.Globalization;
using System.Text;
using System.Text.Json;
using CognitoFunctions.Shared;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Writes a challenge as an <see cref="HttpResponseData"/>: the status, <c>WWW-Authenticate: Bearer</c> on 401 and
/// 403 (with <c>error</c> unless the token was simply missing), <c>Retry-After</c> on 503, <c>Cache-Control: no-store</c>,
/// <c>X-Content-Type-Options: nosniff</c>, and an <c>application/problem+json</c> body with type, title, status, detail,
/// instance and traceId.
/// </summary>
internal static class ProblemResponseWriter
{
    public static async Task<HttpResponseData> WriteAsync(
        HttpRequestData request, AuthenticationChallenge challenge, string realm, string traceId, CancellationToken cancellationToken)
    {
        var response = request.CreateResponse(challenge.Status);
        if (challenge.Status != System.Net.HttpStatusCode.ServiceUnavailable)
        {
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", WwwAuthenticate(challenge, realm));
        }

        if (challenge.RetryAfter is { } retryAfter)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        response.Headers.TryAddWithoutValidation("Content-Type", ProblemMediaType.ContentType);
        response.Headers.TryAddWithoutValidation("Cache-Control", "no-store");
        response.Headers.TryAddWithoutValidation("X-Content-Type-Options", "nosniff");
        await response.Body.WriteAsync(Body(challenge, request.Url.AbsolutePath, traceId), cancellationToken);
        return response;
    }

    internal static string WwwAuthenticate(AuthenticationChallenge challenge, string realm)
    {
        var value = new StringBuilder("Bearer realm=\"").Append(QuotedStringContent(realm)).Append('"');
        if (challenge.Error is not null)
        {
            value.Append(", error=\"").Append(challenge.Error)
                .Append("\", error_description=\"").Append(challenge.Detail).Append('"');
        }

        if (challenge.Scopes is { Count: > 0 } scopes)
        {
            value.Append(", scope=\"").Append(QuotedStringContent(string.Join(' ', scopes))).Append('"');
        }

        return value.ToString();
    }

    private static byte[] Body(AuthenticationChallenge challenge, string instance, string traceId)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", challenge.ProblemType);
            json.WriteString("title", challenge.Title);
            json.WriteNumber("status", (int)challenge.Status);
            json.WriteString("detail", challenge.Detail);
            json.WriteString("instance", instance);
            json.WriteString("traceId", traceId);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // RFC 9110 quoted-string: a quote or backslash must be escaped; control characters are not allowed at all.
    private static string QuotedStringContent(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c >= ' ' && c != '\u007f')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
