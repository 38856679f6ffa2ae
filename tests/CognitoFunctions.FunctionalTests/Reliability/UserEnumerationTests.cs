using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>Answers about an account that exists and one that does not are indistinguishable: status, body, headers.</summary>
[Collection(AccountApiTests.Name)]
public sealed class UserEnumerationTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    [Fact]
    public async Task Login_with_a_wrong_password_and_with_an_unknown_email_answer_alike()
    {
        var user = await Client.SignedInUserAsync();

        using var known = await Client.PostJsonAsync("/api/user/login", new { email = user["email"]!.GetValue<string>(), password = "Wr0ng-Passw0rd!" });
        using var unknown = await Client.PostJsonAsync("/api/user/login", new { email = AccountClient.NewEmail("nobody"), password = "Wr0ng-Passw0rd!" });

        await AssertAlikeAsync(known, unknown, HttpStatusCode.Unauthorized);
        await known.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/invalid-credentials");
    }

    [Fact]
    public async Task Forgot_password_for_a_known_and_an_unknown_email_answer_alike()
    {
        var user = await Client.ProvenUserAsync();

        using var known = await Client.PostJsonAsync("/api/user/password/forgot", new { email = user["email"]!.GetValue<string>() });
        using var unknown = await Client.PostJsonAsync("/api/user/password/forgot", new { email = AccountClient.NewEmail("nobody") });

        await AssertAlikeAsync(known, unknown, HttpStatusCode.Accepted);
        Assert.Empty(await known.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Confirm_with_a_wrong_code_and_for_an_unknown_email_answer_alike()
    {
        var user = await Client.SignedInUserAsync();
        var email = user["email"]!.GetValue<string>();
        using (await Client.PostJsonAsync("/api/user/password/forgot", new { email }))
        {
        }

        using var known = await Client.PostJsonAsync("/api/user/password/confirm", new { email, code = "000000", newPassword = "Brand-New-Passw0rd" });
        using var unknown = await Client.PostJsonAsync("/api/user/password/confirm", new { email = AccountClient.NewEmail("nobody"), code = "000000", newPassword = "Brand-New-Passw0rd" });

        await AssertAlikeAsync(known, unknown, HttpStatusCode.BadRequest);
    }

    private static async Task AssertAlikeAsync(HttpResponseMessage a, HttpResponseMessage b, HttpStatusCode status)
    {
        Assert.Equal(status, a.StatusCode);
        Assert.Equal(status, b.StatusCode);
        Assert.Equal(Headers(a), Headers(b));
        var bodyA = await Normalised(a);
        var bodyB = await Normalised(b);
        Assert.Equal(bodyA, bodyB);
    }

    // Everything but what differs by nature between two requests: the date and the trace id.
    private static string[] Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Key.ToUpperInvariant()}: {string.Join(",", h.Value)}")
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static async Task<string> Normalised(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return text;
        }

        var body = JsonNode.Parse(text)!.AsObject();
        body.Remove("traceId");
        body.Remove("instance");
        return body.ToJsonString();
    }
}
