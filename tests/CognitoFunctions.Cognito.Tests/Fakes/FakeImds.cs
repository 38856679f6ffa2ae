using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;

namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>
/// Stands in for the Azure instance metadata service's token endpoint as the HTTP transport of a real
/// ManagedIdentityCredential: Azure.Identity builds its real IMDS request (GET
/// <c>http://169.254.169.254/metadata/identity/oauth2/token</c> with <c>Metadata: true</c>, <c>resource</c>,
/// <c>client_id</c>) and this handler answers it in-process, so nothing leaves the machine. What is faked is the
/// endpoint alone; the credential, its request and its token cache are Azure.Identity's own.
/// </summary>
internal sealed class FakeImds : HttpMessageHandler
{
    private readonly ConcurrentQueue<Uri> _requests = new();
    private int _issued;

    public IReadOnlyList<Uri> Requests => [.. _requests];

    /// <summary>When set, the endpoint answers this status with an error body (e.g. 400: identity not found).</summary>
    public HttpStatusCode? FailWith { get; set; }

    public static string TokenNumber(int n) => $"fake-entra-token-{n}";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request.RequestUri!);
        if (request.RequestUri!.Host != "169.254.169.254" || request.RequestUri.AbsolutePath != "/metadata/identity/oauth2/token"
            || !request.Headers.TryGetValues("Metadata", out var metadata) || metadata.Single() != "true")
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        if (FailWith is { } status)
        {
            return Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent("""{"error":"invalid_request","error_description":"Identity not found"}""", Encoding.UTF8, "application/json"),
            });
        }

        var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["access_token"] = TokenNumber(Interlocked.Increment(ref _issued)),
            ["client_id"] = query["client_id"] ?? "system-assigned",
            ["expires_in"] = "3600",
            ["expires_on"] = expiresOn,
            ["ext_expires_in"] = "3600",
            ["not_before"] = expiresOn,
            ["resource"] = query["resource"],
            ["token_type"] = "Bearer",
        };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });
    }
}
