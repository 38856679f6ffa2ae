using System.Diagnostics;
using CognitoFunctions.Authentication.Tests.Support;
using CognitoFunctions.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Authentication.Tests.Diagnostics;

/// <summary>
/// The middleware's decision is tagged on the invocation's span (<see cref="Activity.Current"/>, as the worker sets it
/// from the caller's W3C trace context), never with the token or a claim of it; each JWKS fetch is a span of the
/// ActivitySource <c>CognitoFunctions.Authentication</c> in the trace that needed the keys, or a trace of its own when
/// the periodic refresh fetches.
/// </summary>
public sealed class CognitoAuthenticationTelemetryTests(LoadedHarnessFixture fixture) : IClassFixture<LoadedHarnessFixture>
{
    private AuthHarness Harness => fixture.Harness;

    [Fact]
    public async Task A_valid_token_is_tagged_on_the_invocation_first_validated_then_from_the_cache()
    {
        var token = TestToken.Access(Harness.Now).Set("jti", "traced-valid").Encode();

        var first = await DecideAsync(Harness, nameof(SampleFunctions.Private), "Bearer " + token);
        var repeated = await DecideAsync(Harness, nameof(SampleFunctions.Private), "Bearer " + token);

        Assert.Equal(("valid", false, "access", null), Decision(first));
        Assert.Equal(("valid", true, "access", null), Decision(repeated));
    }

    public static TheoryData<string, string, string, string?, string> Refusals => new()
    {
        { nameof(SampleFunctions.Private), "", "missing", null, "/problems/token-required" },
        { nameof(SampleFunctions.Private), "Basic dXNlcjpwYXNz", "unsupported_scheme", null, "/problems/token-required" },
        { nameof(SampleFunctions.Private), "Bearer expired", "expired", null, "/problems/invalid-token" },
        { nameof(SampleFunctions.Private), "Bearer not.a.jwt", "malformed", null, "/problems/invalid-token" },
        { nameof(SampleFunctions.AccessOnly), "Bearer id", "wrong_token_use", "id", "/problems/insufficient-permissions" },
        { nameof(SampleFunctions.Admins), "Bearer access", "missing_group", "access", "/problems/insufficient-permissions" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_is_tagged_with_its_outcome_and_problem_type_and_the_token_use_of_a_valid_token(
        string function, string authorization, string outcome, string? tokenUse, string problemType)
    {
        var header = authorization switch
        {
            "Bearer expired" => "Bearer " + TestToken.Id(Harness.Now.AddHours(-2)).Encode(),
            // Seen for the first time: a claim of its own keeps it out of the other tests' cache entries.
            "Bearer id" => "Bearer " + TestToken.Id(Harness.Now).Set("jti", $"traced-{outcome}").Encode(),
            "Bearer access" => "Bearer " + TestToken.Access(Harness.Now).Set("jti", $"traced-{outcome}").Encode(),
            _ => authorization,
        };

        var invocation = await DecideAsync(Harness, function, header);

        Assert.Equal((outcome, false, tokenUse, problemType), Decision(invocation));
    }

    [Fact]
    public async Task No_tag_of_the_invocation_carries_the_token_or_a_claim_of_it()
    {
        var token = TestToken.Id(Harness.Now).Set("jti", "traced-claims").Encode();
        var claims = Jwt.Payload(token);
        string[] personal = [token, claims["sub"]!.GetValue<string>(), claims["email"]!.GetValue<string>(), "traced-claims", token.Split('.')[2]];

        var valid = await DecideAsync(Harness, nameof(SampleFunctions.Private), "Bearer " + token);
        var refused = await DecideAsync(Harness, nameof(SampleFunctions.AccessOnly), "Bearer " + token);

        var values = valid.TagObjects.Concat(refused.TagObjects).Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        Assert.Contains("valid", values);
        Assert.All(values, v => Assert.DoesNotContain(personal, p => v.Contains(p, StringComparison.Ordinal)));
        Assert.DoesNotContain(valid.TagObjects.Concat(refused.TagObjects), t => t.Key.Contains("sub", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invocation_span_that_is_only_propagated_not_recorded_gets_no_tags()
    {
        using var source = new ActivitySource("CognitoFunctions.Testing.PropagatedOnly");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
        };
        ActivitySource.AddActivityListener(listener);
        using var invocation = source.StartActivity("Invoke", ActivityKind.Server);
        Assert.NotNull(invocation);
        Assert.False(invocation.IsAllDataRequested);

        await Authenticate(Harness, nameof(SampleFunctions.Private), "Bearer " + TestToken.Id(Harness.Now).Set("jti", "traced-propagated").Encode());

        Assert.Empty(invocation.TagObjects);
    }

    [Fact]
    public void Tagging_allocates_nothing_when_no_span_is_recorded()
    {
        Assert.Null(Activity.Current);
        CognitoAuthenticationTelemetry.TagDecision("valid", cached: true, CognitoTokenUse.Access, problem: null);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            CognitoAuthenticationTelemetry.TagDecision("valid", cached: true, CognitoTokenUse.Access, problem: null);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task A_request_that_needs_the_keys_has_the_JWKS_fetch_as_a_child_of_its_invocation()
    {
        await using var harness = await AuthHarness.StartAsync();
        using var spans = new ActivityRecorder(CognitoAuthenticationTelemetry.SourceName);

        await Authenticate(harness, nameof(SampleFunctions.Private), "Bearer " + TestToken.Id(harness.Now).Encode());

        var fetch = Assert.Single(spans.InTrace);
        Assert.Equal(CognitoAuthenticationTelemetry.SourceName, fetch.Source.Name);
        Assert.Equal("Cognito JWKS fetch", fetch.DisplayName);
        Assert.Equal(ActivityKind.Client, fetch.Kind);
        Assert.Equal(spans.Invocation.SpanId, fetch.ParentSpanId);
        Assert.Equal(TestPools.IssuerA, fetch.GetTagItem("cognito.auth.issuer"));
        Assert.Equal("success", fetch.GetTagItem("cognito.auth.jwks.result"));
        Assert.Equal(2, fetch.GetTagItem("cognito.auth.jwks.key_count"));
        Assert.Equal(200, fetch.GetTagItem("http.response.status_code"));
        Assert.Equal(harness.Server.BaseAddress.Port, fetch.GetTagItem("server.port"));
        Assert.Equal(ActivityStatusCode.Unset, fetch.Status);
        Assert.Equal("valid", spans.Invocation.GetTagItem("cognito.auth.outcome"));
    }

    [Fact]
    public async Task A_failed_JWKS_fetch_is_an_error_span_with_its_result_and_HTTP_status()
    {
        await using var harness = await AuthHarness.StartAsync();
        harness.Server.Fail(TestPools.PathA, 404);
        using var spans = new ActivityRecorder(CognitoAuthenticationTelemetry.SourceName);

        await Authenticate(harness, nameof(SampleFunctions.Private), "Bearer " + TestToken.Id(harness.Now).Encode());

        var fetch = Assert.Single(spans.InTrace);
        Assert.Equal("http_error", fetch.GetTagItem("cognito.auth.jwks.result"));
        Assert.Equal(404, fetch.GetTagItem("http.response.status_code"));
        Assert.Equal(0, fetch.GetTagItem("cognito.auth.jwks.key_count"));
        Assert.Equal(ActivityStatusCode.Error, fetch.Status);
        Assert.Equal(("keys_unavailable", false, null, "/problems/authentication-unavailable"), Decision(spans.Invocation));
    }

    [Fact]
    public async Task The_periodic_refresh_fetches_in_a_trace_of_its_own()
    {
        await using var harness = await AuthHarness.StartAsync();
        using var spans = new ActivityRecorder(CognitoAuthenticationTelemetry.SourceName);
        await Authenticate(harness, nameof(SampleFunctions.Private), "Bearer " + TestToken.Id(harness.Now).Encode());

        // The refresh timer fires here, in the flow of the invocation whose fetch scheduled it.
        harness.Time.Advance(TimeSpan.FromSeconds(900));
        if (harness.KeysA.JoinOrStartFetch() is { } refresh)
        {
            await refresh;
        }

        var port = harness.Server.BaseAddress.Port;
        var fetches = spans.All.Where(a => Equals(a.GetTagItem("server.port"), port)).ToList();
        Assert.Equal(2, fetches.Count);
        Assert.Equal(spans.Invocation.SpanId, fetches[0].ParentSpanId);
        Assert.Equal(default, fetches[1].ParentSpanId);
        Assert.NotEqual(spans.CallerTraceId, fetches[1].TraceId);
        Assert.Equal("success", fetches[1].GetTagItem("cognito.auth.jwks.result"));
    }

    /// <summary>One request under an invocation span of its own; returns that span, ended.</summary>
    private static async Task<Activity> DecideAsync(AuthHarness harness, string function, string authorization)
    {
        using var spans = new ActivityRecorder();
        await Authenticate(harness, function, authorization);
        return spans.Invocation;
    }

    private static async Task Authenticate(AuthHarness harness, string function, string authorization)
    {
        var middleware = ActivatorUtilities.CreateInstance<CognitoAuthenticationMiddleware>(harness.Services);
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(function));
        var request = new FakeHttpRequestData(context).WithAuthorization(authorization.Length == 0 ? [] : [authorization]);
        await middleware.AuthenticateAsync(context, request);
    }

    private static (object? Outcome, object? Cached, object? TokenUse, object? ProblemType) Decision(Activity invocation) => (
        invocation.GetTagItem("cognito.auth.outcome"),
        invocation.GetTagItem("cognito.auth.cached"),
        invocation.GetTagItem("cognito.auth.token_use"),
        invocation.GetTagItem("cognito.auth.problem_type"));
}
