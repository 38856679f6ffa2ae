using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>What every fault test checks: a retryable answer in time, and nothing left behind in Cognito.</summary>
internal static class ReliabilityAssertions
{
    // Far above any bound a test asserts: a request that never ends fails the test instead of holding the run.
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    /// <summary>Sends a request and measures how long the answer took.</summary>
    public static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await send().WaitAsync(Ceiling);
        return (response, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// POSTs <paramref name="body"/> and asserts a problem of <paramref name="expected"/> status and type with a
    /// Retry-After, answered within the time <paramref name="timedOutCalls"/> Cognito calls running out of time allow.
    /// </summary>
    public static async Task AssertRetryLaterInTimeAsync(HttpClient client, string path, object body, (HttpStatusCode Status, string Type) expected, int timedOutCalls)
    {
        var (response, elapsed) = await TimedAsync(() => client.PostJsonAsync(path, body));
        using (response)
        {
            await AssertRetryLaterAsync(response, expected.Status, expected.Type);
        }

        var bound = ShortTimeouts.Bound(timedOutCalls);
        Assert.True(elapsed < bound, $"{path} took {elapsed.TotalSeconds:F1} s; the configured timeouts allow {bound.TotalSeconds:F1} s");
    }

    /// <summary>The answer of a Cognito that cannot be reached.</summary>
    public static (HttpStatusCode Status, string Type) Unavailable => (HttpStatusCode.ServiceUnavailable, "/problems/service-unavailable");

    /// <summary>The answer of a change that may have happened though its answer was lost.</summary>
    public static (HttpStatusCode Status, string Type) OutcomeUnknown => (HttpStatusCode.GatewayTimeout, "/problems/outcome-unknown");

    /// <summary>A problem of <paramref name="status"/> and <paramref name="type"/> with a Retry-After of at least a second.</summary>
    public static async Task AssertRetryLaterAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        await response.ProblemAsync(status, type);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After is missing or below a second: {response.Headers.RetryAfter}");
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    /// <summary>cognito-local has no user <paramref name="email"/>: nothing was half-created.</summary>
    public static async Task AssertNoUserAsync(CognitoLocalFixture cognito, string email)
    {
        var error = await Assert.ThrowsAsync<CognitoApiException>(() => cognito.Api.CallAsync("AdminGetUser", new JsonObject
        {
            ["UserPoolId"] = cognito.Pool.UserPoolId,
            ["Username"] = email,
        }));
        Assert.Equal("UserNotFoundException", error.ErrorType);
    }
}
