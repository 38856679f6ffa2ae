using System.Net;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>
/// Proving the email end to end against cognito-local, which implements GetUserAttributeVerificationCode (for the
/// pool's AutoVerifiedAttributes, email in aws-cognito.yaml) and VerifyUserAttribute, with its fixed code.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class EmailVerificationTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private const string WrongCode = "000000";

    [Fact]
    public async Task A_new_account_proves_its_email_with_the_emailed_code()
    {
        var user = await Client.SignedInUserAsync();
        var access = user["accessToken"]!.GetValue<string>();
        Assert.False(Jwt.Payload(user["idToken"]!.GetValue<string>())["email_verified"]!.GetValue<bool>());

        using var send = await Client.PostRawAsync("/api/user/email/verification-code", "", null, access);
        using var wrong = await Client.PostJsonAsync("/api/user/email/verify", new { code = WrongCode }, access);
        using var right = await Client.PostJsonAsync("/api/user/email/verify", new { code = CognitoLocalServer.FixedCode }, access);
        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken = user["refreshToken"]!.GetValue<string>() });
        using var again = await Client.PostRawAsync("/api/user/email/verification-code", "", null, access);

        Assert.Equal(HttpStatusCode.Accepted, send.StatusCode);
        Assert.Equal("no-store", send.Headers.CacheControl?.ToString());
        Assert.Equal("A verification code was sent to the email address", (await send.JsonAsync())["message"]!.GetValue<string>());
        await wrong.ProblemAsync(HttpStatusCode.BadRequest, "/problems/invalid-code");
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.True(Jwt.Payload((await refresh.JsonAsync())["idToken"]!.GetValue<string>())["email_verified"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task A_code_before_any_was_requested_is_an_invalid_code_and_leaves_the_email_unproven()
    {
        var user = await Client.SignedInUserAsync();

        using var verify = await Client.PostJsonAsync("/api/user/email/verify", new { code = CognitoLocalServer.FixedCode }, user["accessToken"]!.GetValue<string>());

        await verify.ProblemAsync(HttpStatusCode.BadRequest, "/problems/invalid-code");
        using var login = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = AccountClient.Password });
        Assert.False(Jwt.Payload((await login.JsonAsync())["idToken"]!.GetValue<string>())["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Both_routes_take_an_access_token_not_an_ID_token()
    {
        var user = await Client.SignedInUserAsync();
        var id = user["idToken"]!.GetValue<string>();

        using var send = await Client.PostRawAsync("/api/user/email/verification-code", "", null, id);
        using var verify = await Client.PostJsonAsync("/api/user/email/verify", new { code = CognitoLocalServer.FixedCode }, id);

        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"code": ""}""")]
    [InlineData("""{"code": 123456}""")]
    public async Task A_missing_or_malformed_code_is_a_field_error(string body)
    {
        var user = await Client.SignedInUserAsync();

        using var verify = await Client.PostRawAsync("/api/user/email/verify", body, "application/json", user["accessToken"]!.GetValue<string>());

        var problem = await verify.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.NotNull(problem["errors"]!["code"]);
    }
}
