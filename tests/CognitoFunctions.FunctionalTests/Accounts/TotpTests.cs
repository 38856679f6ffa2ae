using System.Net;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>
/// The authenticator-app factor end to end against cognito-local, which implements AssociateSoftwareToken,
/// VerifySoftwareToken (checking the code against the secret) and SetUserMFAPreference. Codes come from Otp.NET.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class TotpTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task Enrol_verify_prefer_and_turn_off_an_authenticator_app()
    {
        var user = await Client.SignedInUserAsync();
        var access = user["accessToken"]!.GetValue<string>();

        using var enrol = await Client.PostRawAsync("/api/user/mfa/totp/enrol", "", null, access);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        Assert.Equal("no-store", enrol.Headers.CacheControl?.ToString());
        var enrolment = await enrol.JsonAsync();
        var secret = enrolment["secretCode"]!.GetValue<string>();
        var uri = new Uri(enrolment["otpAuthUri"]!.GetValue<string>());
        Assert.Equal("otpauth", uri.Scheme);
        Assert.Equal("totp", uri.Host);
        Assert.EndsWith(":" + Uri.EscapeDataString(user["email"]!.GetValue<string>()), uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("secret=" + secret, uri.Query, StringComparison.Ordinal);

        using var wrong = await Client.PostJsonAsync("/api/user/mfa/totp/verify", new { code = TotpCodes.Wrong(secret) }, access);
        using var verify = await Client.PostJsonAsync("/api/user/mfa/totp/verify", new { code = TotpCodes.Current(secret) }, access);
        using var prefer = await Client.PostRawAsync("/api/user/mfa/totp/preferred", "", null, access);
        using var off = await SendAsync(HttpMethod.Delete, "/api/user/mfa/totp", access);

        var problem = await wrong.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.NotNull(problem["errors"]!["code"]);
        Assert.Equal(HttpStatusCode.NoContent, verify.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, prefer.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
    }

    [Fact]
    public async Task The_factor_takes_an_access_token_not_an_ID_token()
    {
        var user = await Client.SignedInUserAsync();

        using var enrol = await Client.PostRawAsync("/api/user/mfa/totp/enrol", "", null, user["idToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, enrol.StatusCode);
    }

    [Fact]
    public async Task Verifying_or_preferring_before_any_enrolment_is_a_conflict()
    {
        var user = await Client.SignedInUserAsync();
        var access = user["accessToken"]!.GetValue<string>();

        using var verify = await Client.PostJsonAsync("/api/user/mfa/totp/verify", new { code = "123456" }, access);
        using var prefer = await Client.PostRawAsync("/api/user/mfa/totp/preferred", "", null, access);

        await verify.ProblemAsync(HttpStatusCode.Conflict, "/problems/totp-not-enrolled");
        await prefer.ProblemAsync(HttpStatusCode.Conflict, "/problems/totp-not-enrolled");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("12345")]
    [InlineData("12a456")]
    public async Task A_code_that_is_not_six_digits_is_a_field_error(string code)
    {
        var user = await Client.SignedInUserAsync();

        using var verify = await Client.PostJsonAsync("/api/user/mfa/totp/verify", new { code }, user["accessToken"]!.GetValue<string>());

        var problem = await verify.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.NotNull(problem["errors"]!["code"]);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string bearer)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return Client.SendAsync(request);
    }
}
