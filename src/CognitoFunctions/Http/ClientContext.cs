using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Http;

/// <summary>
/// What Cognito's threat protection should see of the real client rather than of the Function App: its address
/// from <c>X-Forwarded-For</c> (Azure's front end appends the address it received the connection from, so the last
/// entry is the one no client can forge), the host and path, and a few headers. The audit events name the client by
/// the same address.
/// </summary>
internal static class ClientContext
{
    private static readonly string[] ForwardedHeaders = ["user-agent", "accept-language", "origin", "referer"];

    /// <summary>The context data, or null when the client's address is unknown (no X-Forwarded-For, e.g. local runs).</summary>
    public static ContextDataType? From(HttpRequestData request)
    {
        if (ClientAddress(request) is not { } address)
        {
            return null;
        }

        var headers = new List<HttpHeader>();
        foreach (var name in ForwardedHeaders)
        {
            if (request.Headers.TryGetValues(name, out var values))
            {
                headers.Add(new HttpHeader { HeaderName = name, HeaderValue = string.Join(",", values) });
            }
        }

        return new ContextDataType
        {
            IpAddress = address,
            ServerName = request.Url.Host,
            ServerPath = request.Url.AbsolutePath,
            HttpHeaders = headers,
        };
    }

    /// <summary>
    /// The caller of <paramref name="request"/> as the account flows take it: the context data, and the <c>sub</c> of
    /// the token the middleware validated (none on routes that allow anonymous callers).
    /// </summary>
    public static Caller CallerOf(HttpRequestData request) =>
        new(From(request), request.FunctionContext.TryGetCognitoToken(out var token) ? token.Subject : null);

    internal static string? ClientAddress(HttpRequestData request)
    {
        if (!request.Headers.TryGetValues("x-forwarded-for", out var values))
        {
            return null;
        }

        var last = string.Join(",", values).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is null ? null : StripPort(last);
    }

    // "203.0.113.7:51234" → "203.0.113.7"; "[2001:db8::1]:443" → "2001:db8::1"; a bare IPv6 address is kept.
    private static string? StripPort(string entry)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            entry = close > 0 ? entry[1..close] : entry;
        }
        else if (entry.Count(c => c == ':') == 1)
        {
            entry = entry[..entry.IndexOf(':', StringComparison.Ordinal)];
        }

        return System.Net.IPAddress.TryParse(entry, out var ip) ? ip.ToString() : null;
    }
}
