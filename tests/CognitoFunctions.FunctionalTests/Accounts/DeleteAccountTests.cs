using System.Net;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>
/// Account deletion end to end against cognito-local: it needs an access token and the current password, a wrong
/// password leaves the account as it was, and once deleted the account's refresh token, its password and its email
/// are done with (the email can be registered again).
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class DeleteAccountTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private const string Path = "/api/user/delete";

    [Fact]
    public async Task A_deleted_account_is_gone_with_its_refresh_token()
    {
        var user = await Client.SignedInUserAsync();
        var email = user["email"]!.GetValue<string>();
        var access = user["accessToken"]!.GetValue<string>();
        var refreshToken = user["refreshToken"]!.GetValue<string>();

        using var delete = await Client.PostJsonAsync(Path, new { currentPassword = AccountClient.Password }, access);
        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken });
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        using var me = await Client.GetAsync("/api/user/me", access);
        using var signUpAgain = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await refresh.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-refresh-token");
        await login.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-credentials");
        // The middleware validates tokens locally: an access token issued before the deletion opens routes that do not
        // ask Cognito until it expires (as after logout; the README says so).
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Created, signUpAgain.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_or_an_ID_token_deletes_nothing()
    {
        var user = await Client.SignedInUserAsync();
        var access = user["accessToken"]!.GetValue<string>();
        var refreshToken = user["refreshToken"]!.GetValue<string>();

        using var wrongPassword = await Client.PostJsonAsync(Path, new { currentPassword = "Not-The-Passw0rd" }, access);
        using var withIdToken = await Client.PostJsonAsync(Path, new { currentPassword = AccountClient.Password }, user["idToken"]!.GetValue<string>());
        using var withoutToken = await Client.PostJsonAsync(Path, new { currentPassword = AccountClient.Password });
        using var withoutPassword = await Client.PostJsonAsync(Path, new { }, access);
        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken });

        // cognito-local answers the wrong password with InvalidPasswordException, Cognito with NotAuthorizedException
        // (FaultInjectionTests); both are change-password's answer.
        await wrongPassword.ProblemAsync(HttpStatusCode.BadRequest, "/problems/incorrect-password");
        await withIdToken.ProblemAsync(HttpStatusCode.Forbidden, "/problems/insufficient-permissions");
        await withoutToken.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/token-required");
        var problem = await withoutPassword.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.NotNull(problem["errors"]!["currentPassword"]);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
    }
}
