using System.Text.Json.Nodes;
using Amazon.Runtime;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.Cognito.Tests.Signing;

/// <summary>The headers two independent SigV4 signers (npm @smithy/signature-v4 and aws4) produce for one request.</summary>
internal sealed record IndependentSignatures(JsonObject Smithy, JsonObject Aws4);

/// <summary>Runs tools/node/sigv4-sign.cjs.</summary>
internal static class IndependentSigners
{
    public static async Task<IndependentSignatures> SignAsync(
        HttpRequestMessage request, byte[] body, IReadOnlyDictionary<string, string> headersToSign, ImmutableCredentials credentials, string region, DateTimeOffset signingDate)
    {
        var credentialJson = new JsonObject { ["accessKeyId"] = credentials.AccessKey, ["secretAccessKey"] = credentials.SecretKey };
        if (credentials.UseToken)
        {
            credentialJson["sessionToken"] = credentials.Token;
        }

        var input = new JsonObject
        {
            ["method"] = request.Method.Method,
            ["url"] = request.RequestUri!.ToString(),
            ["headers"] = new JsonObject(headersToSign.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
            ["body"] = System.Text.Encoding.UTF8.GetString(body),
            ["region"] = region,
            ["service"] = "cognito-idp",
            ["signingDate"] = signingDate.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["credentials"] = credentialJson,
        };

        var result = await NodeProcess.RunAsync("sigv4-sign.cjs", [input.ToJsonString()]);
        Assert.True(result.ExitCode == 0, $"sigv4-sign.cjs failed: {result.StandardError}");
        var output = JsonNode.Parse(result.StandardOutput)!.AsObject();
        return new IndependentSignatures(output["smithy"]!.AsObject(), output["aws4"]!.AsObject());
    }
}
