using System.Net;
using System.Text;
using System.Text.Json;

namespace CognitoFunctions.FunctionalTests.Accounts;

/// <summary>
/// The audit events as the host receives them from the worker (category <c>CognitoFunctions.Audit</c>), for requests
/// that came through a front end appending the client's address to <c>X-Forwarded-For</c>.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class AuditEventsTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private const string Prefix = "[worker Information] CognitoFunctions.Audit: ";

    [Fact]
    public async Task A_sign_up_a_failed_and_a_successful_login_are_audited_with_the_sub_and_the_forwarded_client_address()
    {
        // The client claims an address of its own; the front end appends the one it saw, the last entry.
        const string forwarded = "192.0.2.200, 198.51.100.23";
        const string client = "198.51.100.23";
        const string wrongPassword = "Wr0ng-Horse-Audit";
        var email = AccountClient.NewEmail("audit");
        using var capture = Fixture.Log.Capture();

        using var signUp = await PostAsync("/api/user/signup", new { email, password = AccountClient.Password }, forwarded);
        var sub = (await signUp.JsonAsync())["userSub"]!.GetValue<string>();
        using var failed = await PostAsync("/api/user/login", new { email, password = wrongPassword }, forwarded);
        var loggedIn = Fixture.Log.WaitForLineAsync(l => l.StartsWith(Prefix + "LoginSucceeded:", StringComparison.Ordinal) && l.Contains(client, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        using var login = await PostAsync("/api/user/login", new { email, password = AccountClient.Password }, forwarded);
        await loggedIn;

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (signUp.StatusCode, failed.StatusCode, login.StatusCode));
        var tokens = await login.JsonAsync();
        var audit = capture.Lines.Where(l => l.StartsWith(Prefix, StringComparison.Ordinal) && l.Contains(client, StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"{Prefix}SignUpSucceeded: success, user {sub}, client {client}, email hash (null)",
                $"{Prefix}LoginFailed: invalid_credentials, client {client}, email hash (null)",
                $"{Prefix}LoginSucceeded: success, user {sub}, client {client}, email hash (null)",
            ],
            audit);
        string[] secrets =
        [
            email, AccountClient.Password, wrongPassword,
            tokens["idToken"]!.GetValue<string>(), tokens["accessToken"]!.GetValue<string>(), tokens["refreshToken"]!.GetValue<string>(),
        ];
        Assert.DoesNotContain(capture.Lines, l => secrets.Any(s => l.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await Client.SendAsync(request);
    }
}
