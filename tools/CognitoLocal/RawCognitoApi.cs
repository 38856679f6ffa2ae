using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// Plain AWS JSON 1.1 calls to a Cognito endpoint, unsigned: what tests use to arrange and inspect
/// cognito-local independently of the app's own client.
/// </summary>
public sealed class RawCognitoApi(HttpClient http, Uri endpoint)
{
    /// <summary>Calls <paramref name="operation"/> (e.g. <c>AdminGetUser</c>) and returns the response body.</summary>
    /// <exception cref="CognitoApiException">Cognito answered with an error.</exception>
    public async Task<JsonObject> CallAsync(string operation, JsonObject request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        message.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);

        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var json = body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject;
        if (response.IsSuccessStatusCode && json is not null)
        {
            return json;
        }

        var type = json?["__type"]?.GetValue<string>() ?? "(no __type)";
        throw new CognitoApiException(operation, (int)response.StatusCode, type[(type.IndexOf('#', StringComparison.Ordinal) + 1)..], json?["message"]?.GetValue<string>() ?? body);
    }

    /// <summary>Creates a confirmed user with a verified email and a permanent password, as sign-up does.</summary>
    public async Task CreateUserAsync(string userPoolId, string email, string password, CancellationToken cancellationToken = default)
    {
        await CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = userPoolId,
            ["Username"] = email,
            ["MessageAction"] = "SUPPRESS",
            ["UserAttributes"] = new JsonArray(
                new JsonObject { ["Name"] = "email", ["Value"] = email },
                new JsonObject { ["Name"] = "email_verified", ["Value"] = "true" }),
        }, cancellationToken);
        await CallAsync("AdminSetUserPassword", new JsonObject
        {
            ["UserPoolId"] = userPoolId,
            ["Username"] = email,
            ["Password"] = password,
            ["Permanent"] = true,
        }, cancellationToken);
    }
}
