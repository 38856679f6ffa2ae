using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>Sends the request body back byte for byte, with its length and SHA-256 in headers.</summary>
internal sealed class BinaryFunction
{
    [Function("Binary")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", Route = "binary")] HttpRequestData req,
        FunctionContext context)
    {
        using var buffer = new MemoryStream();
        await req.Body.CopyToAsync(buffer, context.CancellationToken);
        var body = buffer.ToArray();

        var response = req.CreateResponse();
        response.Headers.Add("Content-Type", "application/octet-stream");
        response.Headers.Add("X-Body-Length", body.Length.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add("X-Body-Sha256", Convert.ToHexStringLower(SHA256.HashData(body)));
        await response.Body.WriteAsync(body, context.CancellationToken);
        return response;
    }
}
