using System.Net;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Accounts;

[Collection(AccountApiTests.Name)]
public sealed class PasswordTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private const string NewPassword = "Brand-New-Passw0rd";

    [Fact]
    public async Task The_emailed_code_sets_a_new_password()
    {
        var user = await Client.ProvenUserAsync();
        var email = user["email"]!.GetValue<string>();
        using (await Client.PostJsonAsync("/api/user/password/forgot", new { email }))
        {
        }

        using var wrongCode = await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = "000000", newPassword = NewPassword });
        using var confirm = await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = CognitoLocalServer.FixedCode, newPassword = NewPassword });
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = NewPassword });

        await wrongCode.ProblemAsync(HttpStatusCode.BadRequest, "/problems/invalid-code");
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task An_email_never_proven_gets_no_reset_code_and_the_same_answer()
    {
        // cognito-local sends a reset code for any email (Cognito refuses an unverified one); its code is fixed, so the
        // code working or not shows whether ForgotPassword was sent.
        var user = await Client.SignedInUserAsync();
        var email = user["email"]!.GetValue<string>();

        using var forgot = await Client.PostJsonAsync("/api/user/password/forgot", new { email });
        using var confirm = await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = CognitoLocalServer.FixedCode, newPassword = NewPassword });
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Empty(await forgot.Content.ReadAsByteArrayAsync());
        await confirm.ProblemAsync(HttpStatusCode.BadRequest, "/problems/invalid-code");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Confirm_checks_the_new_password_against_the_policy()
    {
        using var response = await Client.PostJsonAsync("/api/user/password/confirm", new { email = AccountClient.NewEmail(), code = "123456", newPassword = "weak" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.NotNull(problem["errors"]!["newPassword"]);
    }

    [Fact]
    public async Task Change_password_needs_the_current_one_and_an_access_token()
    {
        var user = await Client.SignedInUserAsync();
        var email = user["email"]!.GetValue<string>();
        var access = user["accessToken"]!.GetValue<string>();

        using var withIdToken = await Client.PostJsonAsync("/api/user/password/change", new { currentPassword = AccountClient.Password, newPassword = NewPassword }, user["idToken"]!.GetValue<string>());
        using var wrongCurrent = await Client.PostJsonAsync("/api/user/password/change", new { currentPassword = "Not-The-Passw0rd", newPassword = NewPassword }, access);
        using var change = await Client.PostJsonAsync("/api/user/password/change", new { currentPassword = AccountClient.Password, newPassword = NewPassword }, access);
        using var oldLogin = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        using var newLogin = await Client.PostJsonAsync("/api/user/login", new { email, password = NewPassword });

        Assert.Equal(HttpStatusCode.Forbidden, withIdToken.StatusCode);
        // cognito-local answers a wrong current password with InvalidPasswordException "Invalid password" (real
        // Cognito: NotAuthorized, shown in FaultInjectionTests); both are /problems/incorrect-password.
        await wrongCurrent.ProblemAsync(HttpStatusCode.BadRequest, "/problems/incorrect-password");
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newLogin.StatusCode);
    }
}
