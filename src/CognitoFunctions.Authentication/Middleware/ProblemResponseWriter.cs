using System.Text;
using CognitoFunctions.Shared;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Writes a challenge through the one problem details writer (src/Shared): the problem's status, type and title,
/// <c>WWW-Authenticate: Bearer</c> on 401 and 403 (with <c>error</c> unless the token was simply missing), and
/// <c>Retry-After</c> on 503.
/// </summary>
internal static class ProblemResponseWriter
{
    public static Task<HttpResponseData> WriteAsync(
        HttpRequestData request, AuthenticationChallenge challenge, string realm, string traceId, CancellationToken cancellationToken) =>
        ProblemDetailsWriter.WriteAsync(
            request,
            new ProblemDetailsAnswer
            {
                Status = challenge.Status,
                Type = challenge.Problem.Type,
                Title = challenge.Problem.Title,
                Detail = challenge.Detail,
                TraceId = traceId,
                RetryAfterSeconds = challenge.RetryAfter is { } retryAfter ? (long)Math.Ceiling(retryAfter.TotalSeconds) : null,
                Headers = challenge.Problem.SendsChallenge ? [new("WWW-Authenticate", WwwAuthenticate(challenge, realm))] : [],
            },
            cancellationToken);

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
