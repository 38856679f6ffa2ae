using System.Net;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>The app with every log category at Trace, so that whatever it could ever log, it logs here.</summary>
public sealed class TraceLoggingAppFixture : CognitoFunctionsAppFixture
{
    protected override async Task ConfigureAppSettingsAsync(IDictionary<string, string> settings)
    {
        await base.ConfigureAppSettingsAsync(settings);
        settings["Logging__LogLevel__Default"] = "Trace";
        // The app keeps HttpClient and Polly at Warning unless a level is set for them or a prefix (WorkerLogging).
        settings["Logging__LogLevel__System"] = "Trace";
        settings["Logging__LogLevel__Polly"] = "Trace";
        settings["AzureFunctionsJobHost__logging__logLevel__default"] = "Trace";
    }
}

public sealed class SecretsInLogsTests(TraceLoggingAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output), IClassFixture<TraceLoggingAppFixture>
{
    [Fact]
    public async Task No_password_token_code_or_key_reaches_the_logs_of_any_flow()
    {
        using var capture = Fixture.Log.Capture();
        var secrets = new List<string> { "cognito-local-ignores-signatures" };
        var email = AccountClient.NewEmail("secrets");
        const string password = "Sup3r-Secret-Passw0rd";
        const string wrongPassword = "Wr0ng-Secret-Passw0rd";
        const string newPassword = "N3w-Secret-Passw0rd!";
        const string changedPassword = "Ch4nged-Secret-Passw0rd";
        secrets.AddRange([password, wrongPassword, newPassword, changedPassword]);

        // Every flow, its successes and its failures.
        using (await Client.PostJsonAsync("/api/user/signup", new { email, password }))
        using (await Client.PostJsonAsync("/api/user/signup", new { email, password }))
        using (await Client.PostJsonAsync("/api/user/login", new { email, password = wrongPassword }))
        {
        }

        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password });
        var tokens = await login.JsonAsync();
        var id = tokens["idToken"]!.GetValue<string>();
        var access = tokens["accessToken"]!.GetValue<string>();
        var refresh = tokens["refreshToken"]!.GetValue<string>();
        secrets.AddRange([id, access, refresh, Signature(id), Signature(access)]);
        var tampered = id[..^8] + "AAAAAAAA";

        using (await Client.GetAsync("/api/user/private", id))
        using (await Client.GetAsync("/api/user/private", tampered))
        using (await Client.GetAsync("/api/user/private", refresh))
        using (await Client.PostJsonAsync("/api/user/refresh", new { refreshToken = refresh }))
        using (await Client.PostRawAsync("/api/user/email/verification-code", "", null, access))
        using (await Client.PostJsonAsync("/api/user/email/verify", new { code = "000000" }, access))
        using (await Client.PostJsonAsync("/api/user/email/verify", new { code = CognitoLocalServer.FixedCode }, access))
        using (await Client.PostJsonAsync("/api/user/password/change", new { currentPassword = password, newPassword = changedPassword }, access))
        using (await Client.PostJsonAsync("/api/user/password/forgot", new { email }))
        using (await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = "000000", newPassword }))
        using (await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = CognitoLocalServer.FixedCode, newPassword }))
        using (await Client.PostJsonAsync("/api/user/logout", new { refreshToken = refresh }, access))
        using (var afterLogout = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken = refresh }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
        }

        // An authenticator app, and a login through its challenge: the secret and the session stay out of the logs.
        using (var enrol = await Client.PostRawAsync("/api/user/mfa/totp/enrol", "", null, access))
        {
            var secret = (await enrol.JsonAsync())["secretCode"]!.GetValue<string>();
            secrets.Add(secret);
            using (await Client.PostJsonAsync("/api/user/mfa/totp/verify", new { code = TotpCodes.Current(secret) }, access))
            using (await Client.PostRawAsync("/api/user/mfa/totp/preferred", "", null, access))
            using (var challenged = await Client.PostJsonAsync("/api/user/login", new { email, password = newPassword }))
            {
                var session = (await challenged.JsonAsync())["session"]!.GetValue<string>();
                secrets.Add(session);
                using (await Client.PostJsonAsync("/api/user/login/challenge", new { session, code = TotpCodes.Wrong(secret) }))
                using (var answered = await Client.PostJsonAsync("/api/user/login/challenge", new { session, code = TotpCodes.Current(secret) }))
                {
                    Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
                }
            }
        }

        // Last, the account's deletion: refused with a wrong password, then carried out with the current one.
        using (await Client.PostJsonAsync("/api/user/delete", new { currentPassword = wrongPassword }, access))
        using (var delete = await Client.PostJsonAsync("/api/user/delete", new { currentPassword = newPassword }, access))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var lines = Fixture.Log.RecentLines().Concat(capture.Lines).ToList();
        Assert.Contains(lines, l => l.Contains("SignUp", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ChangePassword", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Cognito RespondToAuthChallenge: ok", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Cognito DeleteUser: ok", StringComparison.Ordinal));
        Assert.True(lines.Count > 50, $"only {lines.Count} log lines: is Trace logging on?");
        Assert.Contains(lines, l => l.Contains("System.Net.Http.HttpClient.Cognito", StringComparison.Ordinal));
        var leaks = secrets
            .SelectMany(secret => lines.Where(line => line.Contains(secret, StringComparison.Ordinal)).Select(line => (secret, line)))
            .ToList();
        Assert.True(leaks.Count == 0, "secrets in the logs:\n" + string.Join("\n", leaks.Select(l => $"{l.secret[..Math.Min(12, l.secret.Length)]}… in: {l.line[..Math.Min(200, l.line.Length)]}")));
    }

    private static string Signature(string jwt) => jwt[(jwt.LastIndexOf('.') + 1)..];
}
