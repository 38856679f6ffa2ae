using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.Authentication;

/// <summary>The JWT middleware in the real app, through the test host, with tokens cognito-local issued.</summary>
[Collection(AccountApiTests.Name)]
public sealed class CognitoTokenEndToEndTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task Valid_ID_and_access_tokens_pass()
    {
        var user = await Client.SignedInUserAsync();

        using var id = await Client.GetAsync("/api/user/private", user["idToken"]!.GetValue<string>());
        using var access = await Client.GetAsync("/api/user/private", user["accessToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, id.StatusCode);
        Assert.Equal(HttpStatusCode.OK, access.StatusCode);
    }

    [Fact]
    public async Task A_missing_token_gets_a_challenge_without_an_error_code()
    {
        using var response = await Client.GetAsync("/api/user/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.DoesNotContain("error=", challenge.Parameter ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("payload")]
    public async Task A_tampered_token_gets_401_invalid_token(string part)
    {
        var token = (await Client.SignedInUserAsync())["idToken"]!.GetValue<string>();
        var parts = token.Split('.');
        var index = part == "signature" ? 2 : 1;
        var chars = parts[index].ToCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        parts[index] = new string(chars);

        using var response = await Client.GetAsync("/api/user/private", string.Join('.', parts));

        await AssertInvalidTokenAsync(response);
    }

    [Fact]
    public async Task An_expired_token_signed_by_the_pool_gets_401_invalid_token()
    {
        var claims = Jwt.Payload((await Client.SignedInUserAsync())["idToken"]!.GetValue<string>());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        claims["iat"] = now - 7200;
        claims["auth_time"] = now - 7200;
        claims["exp"] = now - 3600;
        var fresh = claims.DeepClone().AsObject();
        fresh["exp"] = now + 3600;

        using var expired = await Client.GetAsync("/api/user/private", CognitoLocalSigner.Sign(claims));
        using var control = await Client.GetAsync("/api/user/private", CognitoLocalSigner.Sign(fresh));

        var body = await AssertInvalidTokenAsync(expired);
        Assert.Contains("expired", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Fact]
    public async Task An_ID_token_whose_aud_is_an_array_holding_the_client_gets_401_invalid_token()
    {
        var claims = Jwt.Payload((await Client.SignedInUserAsync())["idToken"]!.GetValue<string>());
        var asArray = claims.DeepClone().AsObject();
        asArray["aud"] = new JsonArray(claims["aud"]!.GetValue<string>());

        using var refused = await Client.GetAsync("/api/user/private", CognitoLocalSigner.Sign(asArray));
        using var control = await Client.GetAsync("/api/user/private", CognitoLocalSigner.Sign(claims));

        var body = await AssertInvalidTokenAsync(refused);
        Assert.Contains("wrong type", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Fact]
    public async Task A_token_of_another_pool_gets_401_invalid_token()
    {
        var api = Fixture.Cognito.Api;
        var pool = (await api.CallAsync("CreateUserPool", new JsonObject { ["PoolName"] = "other-pool" }))["UserPool"]!["Id"]!.GetValue<string>();
        var client = (await api.CallAsync("CreateUserPoolClient", new JsonObject { ["UserPoolId"] = pool, ["ClientName"] = "other" }))["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        var tokens = await LogInElsewhereAsync(pool, client);

        using var response = await Client.GetAsync("/api/user/private", tokens["IdToken"]!.GetValue<string>());

        await AssertInvalidTokenAsync(response);
    }

    [Fact]
    public async Task Tokens_of_another_client_of_the_same_pool_get_401_invalid_token()
    {
        var pool = Fixture.Cognito.Pool.UserPoolId;
        var client = (await Fixture.Cognito.Api.CallAsync("CreateUserPoolClient", new JsonObject { ["UserPoolId"] = pool, ["ClientName"] = "another-app" }))["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        var tokens = await LogInElsewhereAsync(pool, client);

        using var id = await Client.GetAsync("/api/user/private", tokens["IdToken"]!.GetValue<string>());
        using var access = await Client.GetAsync("/api/user/private", tokens["AccessToken"]!.GetValue<string>());

        await AssertInvalidTokenAsync(id);
        await AssertInvalidTokenAsync(access);
    }

    [Fact]
    public async Task A_refresh_token_sent_as_a_bearer_token_gets_401()
    {
        var user = await Client.SignedInUserAsync();

        using var response = await Client.GetAsync("/api/user/private", user["refreshToken"]!.GetValue<string>());

        await AssertInvalidTokenAsync(response);
    }

    private async Task<JsonObject> LogInElsewhereAsync(string pool, string client)
    {
        var api = Fixture.Cognito.Api;
        var email = AccountClient.NewEmail("elsewhere");
        await api.CallAsync("AdminCreateUser", new JsonObject { ["UserPoolId"] = pool, ["Username"] = email, ["MessageAction"] = "SUPPRESS" });
        await api.CallAsync("AdminSetUserPassword", new JsonObject { ["UserPoolId"] = pool, ["Username"] = email, ["Password"] = AccountClient.Password, ["Permanent"] = true });
        var auth = await api.CallAsync("AdminInitiateAuth", new JsonObject
        {
            ["UserPoolId"] = pool,
            ["ClientId"] = client,
            ["AuthFlow"] = "ADMIN_USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = email, ["PASSWORD"] = AccountClient.Password },
        });
        return auth["AuthenticationResult"]!.AsObject();
    }

    private static async Task<string> AssertInvalidTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"expected 401, got {(int)response.StatusCode}: {body}");
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body + challenge.Parameter;
    }
}
