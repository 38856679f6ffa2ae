using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>What a client of the API does, in a few calls; every request carries a Content-Length.</summary>
internal static class AccountClient
{
    public const string Password = "Correct-Horse-9";

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? bearer = null) =>
        client.PostRawAsync(path, System.Text.Json.JsonSerializer.Serialize(body), "application/json", bearer);

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string? contentType, string? bearer = null, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", scheme.Length == 0 ? bearer : $"{scheme} {bearer}");
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> GetAsync(this HttpClient client, string path, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }

    /// <summary>Signs up and logs in a new user; returns the login response body.</summary>
    public static async Task<JsonObject> SignedInUserAsync(this HttpClient client, string? email = null, string password = Password)
    {
        email ??= NewEmail();
        using (var signUp = await client.PostJsonAsync("/api/user/signup", new { email, password }))
        {
            Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        }

        using var login = await client.PostJsonAsync("/api/user/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = await login.JsonAsync();
        body["email"] = email;
        return body;
    }

    /// <summary>Signs up and logs in a new user whose email is proven with cognito-local's code; returns the login response body.</summary>
    public static async Task<JsonObject> ProvenUserAsync(this HttpClient client, string? email = null, string password = Password)
    {
        var user = await client.SignedInUserAsync(email, password);
        var access = user["accessToken"]!.GetValue<string>();
        using (var send = await client.PostRawAsync("/api/user/email/verification-code", "", null, access))
        {
            Assert.Equal(HttpStatusCode.Accepted, send.StatusCode);
        }

        using var verify = await client.PostJsonAsync("/api/user/email/verify", new { code = CognitoLocalServer.FixedCode }, access);
        Assert.Equal(HttpStatusCode.NoContent, verify.StatusCode);
        return user;
    }

    /// <summary>
    /// A new user in the <c>admin</c> group, made with Cognito's admin API as the README shows
    /// (aws cognito-idp admin-add-user-to-group); returns an access token that carries the group.
    /// </summary>
    public static async Task<string> AdminAccessTokenAsync(this HttpClient client, CognitoLocalFixture cognito)
    {
        var user = await client.SignedInUserAsync(NewEmail("admin"));
        await cognito.Api.CallAsync("AdminAddUserToGroup", new JsonObject
        {
            ["UserPoolId"] = cognito.Pool.UserPoolId,
            ["Username"] = user["email"]!.GetValue<string>(),
            ["GroupName"] = "admin",
        });
        using var login = await client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = Password });
        return (await login.JsonAsync())["accessToken"]!.GetValue<string>();
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts an RFC 9457 answer of the given status and type, and returns its body.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(type, body["type"]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(body["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(body["detail"]?.GetValue<string>()));
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, body["instance"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$|^[0-9a-f-]{36}$", body["traceId"]!.GetValue<string>());
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return body;
    }
}
