using System.Security.Cryptography;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>
/// Answers with what the worker received: method, URL, headers, query, binding data, identities and the
/// body (length, SHA-256, and the bytes themselves when small), so tests can see exactly what a host delivered.
/// </summary>
internal sealed class EchoFunction
{
    private const int InlineBodyLimit = 64 * 1024;

    [Function("Echo")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", Route = "echo")] HttpRequestData req,
        FunctionContext context)
    {
        using var buffer = new MemoryStream();
        await req.Body.CopyToAsync(buffer, context.CancellationToken);
        var body = buffer.ToArray();

        var echo = new
        {
            method = req.Method,
            url = req.Url.ToString(),
            headers = req.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.Ordinal),
            query = req.Query.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => req.Query[k], StringComparer.Ordinal),
            bindingData = context.BindingContext.BindingData.ToDictionary(p => p.Key, p => p.Value?.ToString(), StringComparer.Ordinal),
            identities = req.Identities.Select(i => new { authenticationType = i.AuthenticationType, isAuthenticated = i.IsAuthenticated, claims = i.Claims.Count() }),
            body = new
            {
                length = body.Length,
                sha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
                base64 = body.Length <= InlineBodyLimit ? Convert.ToBase64String(body) : null,
            },
        };

        var response = req.CreateResponse();
        await response.WriteAsJsonAsync(echo, context.CancellationToken);
        return response;
    }
}
