using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.FunctionalTests.Authentication;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// Hundreds of concurrent sign-ups and logins through the test host against a fresh cognito-local pool, with a few
/// emails signed up by several clients at once: every created account logs in with its own password, a contested
/// email is created exactly once, and nothing answers 5xx. The figures (the app's rates beside cognito-local's own,
/// and the private function's, which calls no Cognito) go to the test output and to a file. Larger runs:
/// LOAD_SIGNUPS=2000 (see <see cref="LoadSettings"/>).
/// </summary>
public sealed class LoadTests(LoadAppFixture fixture, ITestOutputHelper output) : IClassFixture<LoadAppFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Concurrent_signups_and_logins_stay_consistent_and_never_answer_5xx()
    {
        var settings = LoadSettings.FromEnvironment();
        var report = new LoadReport(settings);

        // Not measured: reads the password policy, fetches the JWKS, warms up both processes.
        var warm = await Client.SignedInUserAsync();
        Assert.Equal(HttpStatusCode.OK, await PrivateAsync(warm["idToken"]!.GetValue<string>()));

        // Sign-ups of distinct emails, while five emails are each signed up by eight clients at once.
        var emails = Enumerable.Range(0, settings.SignUps).Select(_ => AccountClient.NewEmail("load")).ToArray();
        var contest = ContestAsync();
        var signUps = await LoadRun<HttpStatusCode>.RunAsync(settings.SignUps, settings.Concurrency, i => SignUpAsync(emails[i], AccountClient.Password));
        var contested = await contest;
        report.Add("app: sign-up (POST /api/user/signup)", signUps, settings.Concurrency);

        AssertNo5xx("sign-up", signUps.Results.Concat(contested.Select(c => c.Status)));
        Assert.All(signUps.Results, status => Assert.Equal(HttpStatusCode.Created, status));
        var winners = new List<(string Email, string Password)>();
        foreach (var email in contested.GroupBy(c => c.Email))
        {
            var created = Assert.Single(email, c => c.Status == HttpStatusCode.Created);
            Assert.All(email.Where(c => c != created), c => Assert.Equal(HttpStatusCode.Conflict, c.Status));
            winners.Add((email.Key, created.Password));
        }

        // Every created account logs in, with the password its own sign-up chose.
        var accounts = emails.Select(e => (Email: e, Password: AccountClient.Password)).Concat(winners).ToArray();
        var logins = await LoadRun<(HttpStatusCode Status, string? IdToken)>.RunAsync(accounts.Length, settings.Concurrency, i => LogInAsync(accounts[i].Email, accounts[i].Password));
        report.Add("app: login (POST /api/user/login)", logins, settings.Concurrency);
        AssertNo5xx("login", logins.Results.Select(r => r.Status));
        Assert.All(logins.Results, r => Assert.Equal(HttpStatusCode.OK, r.Status));

        // The losers' passwords were never set on the account.
        foreach (var loser in contested.Where(c => c.Status != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(loser.Email, loser.Password)).Status);
        }

        // The private function checks the token and calls no Cognito: what the app and the host cost by themselves,
        // with tokens the validated-token cache holds, then with tokens each seen once (a signature check each).
        var known = logins.Results.Take(settings.Concurrency).Select(r => r.IdToken!).ToArray();
        var cached = await LoadRun<HttpStatusCode>.RunAsync(settings.PrivateRequests, settings.Concurrency, i => PrivateAsync(known[i % known.Length]));
        report.Add($"app: private function (GET /api/user/private), {known.Length} tokens repeated (cache hits)", cached, settings.Concurrency);
        var fresh = Enumerable.Range(0, settings.PrivateRequests).Select(_ => CognitoLocalSigner.Sign(PoolTokens.IdClaims(fixture.Cognito.Pool))).ToArray();
        var verified = await LoadRun<HttpStatusCode>.RunAsync(fresh.Length, settings.Concurrency, i => PrivateAsync(fresh[i]));
        report.Add("app: private function (GET /api/user/private), every token new (signature verified)", verified, settings.Concurrency);
        AssertNo5xx("private", cached.Results.Concat(verified.Results));
        Assert.All(cached.Results.Concat(verified.Results), status => Assert.Equal(HttpStatusCode.OK, status));

        await MeasureCognitoLocalAsync(settings, report);

        report.Note($"Contested: {LoadSettings.ContestedEmails} emails x {LoadSettings.ClientsPerContestedEmail} clients at once, sent as the sign-up run started (its rate counts the distinct emails only): each email gave one 201 and {LoadSettings.ClientsPerContestedEmail - 1} 409s; the 409 clients' passwords do not log in.");
        report.Note($"Every one of the {accounts.Length} created accounts logged in; no request answered 5xx.");
        report.Note("A sign-up through the app is DescribeUserPool once, then AdminCreateUser + AdminSetUserPassword per user; cognito-local rewrites the pool's JSON file on every write, so its rates fall as the pool grows.");
        var text = report.Render();
        output.WriteLine(text);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.ReportPath)!);
        await File.WriteAllTextAsync(settings.ReportPath, text);
        output.WriteLine($"Figures written to {settings.ReportPath}");
    }

    private async Task<List<(string Email, string Password, HttpStatusCode Status)>> ContestAsync()
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, LoadSettings.ContestedEmails)
            .Select(_ => AccountClient.NewEmail("contested"))
            .SelectMany(email => Enumerable.Range(0, LoadSettings.ClientsPerContestedEmail).Select(async client =>
            {
                var password = $"{AccountClient.Password}-{client}";
                await go.Task;
                return (email, password, await SignUpAsync(email, password));
            }))
            .ToList();
        go.SetResult();
        return [.. await Task.WhenAll(attempts)];
    }

    private async Task<HttpStatusCode> SignUpAsync(string email, string password)
    {
        using var response = await Client.PostJsonAsync("/api/user/signup", new { email, password });
        return response.StatusCode;
    }

    private async Task<(HttpStatusCode Status, string? IdToken)> LogInAsync(string email, string password)
    {
        using var response = await Client.PostJsonAsync("/api/user/login", new { email, password });
        return response.StatusCode == HttpStatusCode.OK
            ? (response.StatusCode, (await response.JsonAsync())["idToken"]!.GetValue<string>())
            : (response.StatusCode, null);
    }

    private async Task<HttpStatusCode> PrivateAsync(string token)
    {
        using var response = await Client.GetAsync("/api/user/private", token);
        return response.StatusCode;
    }

    // The same Cognito calls straight to a second, fresh cognito-local: the peer's own rate beside the app's.
    private static async Task MeasureCognitoLocalAsync(LoadSettings settings, LoadReport report)
    {
        var cognito = new CognitoLocalFixture();
        try
        {
            await cognito.InitializeAsync();
            var emails = Enumerable.Range(0, settings.SignUps).Select(_ => AccountClient.NewEmail("direct")).ToArray();
            var signUps = await LoadRun<bool>.RunAsync(emails.Length, settings.Concurrency, async i =>
            {
                await cognito.CreateUserAsync(emails[i], AccountClient.Password);
                return true;
            });
            report.Add("cognito-local direct: AdminCreateUser + AdminSetUserPassword", signUps, settings.Concurrency);

            var logins = await LoadRun<JsonObject>.RunAsync(emails.Length, settings.Concurrency, i => cognito.LogInAsync(emails[i], AccountClient.Password));
            report.Add("cognito-local direct: AdminInitiateAuth", logins, settings.Concurrency);
            Assert.All(logins.Results, r => Assert.NotNull(r["IdToken"]));
        }
        finally
        {
            await cognito.DisposeAsync();
        }
    }

    private static void AssertNo5xx(string what, IEnumerable<HttpStatusCode> statuses)
    {
        var errors = statuses.Where(s => (int)s >= 500).GroupBy(s => s).Select(g => $"{(int)g.Key} x{g.Count()}").ToList();
        Assert.True(errors.Count == 0, $"{what} answered 5xx: {string.Join(", ", errors)}");
    }
}
