using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>
/// The middleware's decisions and HTTP answers, with the worker's abstract types filled in by the test. Setting the
/// answer on the invocation result needs the worker itself: the end-to-end tests through the test host cover it.
/// </summary>
public sealed class CognitoAuthenticationMiddlewareTests(LoadedHarnessFixture fixture) : IClassFixture<LoadedHarnessFixture>
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    /// <summary>What the app's own problem answers carry (src/CognitoFunctions/Http/HttpResponses.cs): a client meets one form.</summary>
    private const string ProblemContentType = "application/problem+json; charset=utf-8";

    private AuthHarness Harness => fixture.Harness;

    private CognitoAuthenticationMiddleware Middleware => ActivatorUtilities.CreateInstance<CognitoAuthenticationMiddleware>(Harness.Services);

    [Fact]
    public async Task A_request_without_a_token_gets_401_with_a_bare_Bearer_challenge_and_problem_details()
    {
        var (context, request) = Request(nameof(SampleFunctions.Private));

        var response = await RefusalAsync(context, request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"cognito\"", response.Header("WWW-Authenticate"));
        Assert.Equal(ProblemContentType, response.Header("Content-Type"));
        using var body = JsonDocument.Parse(response.BodyText());
        Assert.Equal("/problems/token-required", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Authentication required", body.RootElement.GetProperty("title").GetString());
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("This function requires a bearer token in the Authorization header.", body.RootElement.GetProperty("detail").GetString());
        Assert.Equal("/api/private", body.RootElement.GetProperty("instance").GetString());
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", body.RootElement.GetProperty("traceId").GetString());
        Assert.False(context.TryGetCognitoToken(out _));
    }

    [Fact]
    public async Task A_valid_bearer_token_lets_the_function_run_with_its_token_and_principal_in_the_context()
    {
        var (context, request) = Request(nameof(SampleFunctions.Private), "Bearer " + TestToken.Id(Harness.Now).Encode());

        var response = await Middleware.AuthenticateAsync(context, request);

        Assert.Null(response);
        Assert.Equal("5f1c2d3e-0000-4000-8000-00000000a001", context.GetCognitoToken().Subject);
        var principal = context.GetCognitoPrincipal();
        Assert.Equal("user@example.com", principal.GetEmail());
        Assert.Same(principal, context.GetCognitoPrincipal());
        Assert.True(context.TryGetCognitoPrincipal(out var same) && ReferenceEquals(principal, same));
    }

    [Theory]
    [InlineData("Bearer {0}")]
    [InlineData("bearer {0}")]
    [InlineData("BEARER   {0}  ")]
    [InlineData("{0}")]
    [InlineData("  {0}")]
    public async Task The_token_is_read_from_Bearer_in_any_case_or_bare_for_API_Gateway_clients(string header)
    {
        var (context, request) = Request(nameof(SampleFunctions.Private), string.Format(System.Globalization.CultureInfo.InvariantCulture, header, TestToken.Access(Harness.Now).Encode()));

        Assert.Null(await Middleware.AuthenticateAsync(context, request));
        Assert.Equal(CognitoTokenUse.Access, context.GetCognitoToken().TokenUse);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz", null, "Only the Bearer authentication scheme is accepted.")]
    [InlineData("Negotiate", null, "Only the Bearer authentication scheme is accepted.")]
    [InlineData("Bearer", null, "Only the Bearer authentication scheme is accepted.")]
    [InlineData("Bearer    ", null, "Only the Bearer authentication scheme is accepted.")]
    [InlineData("Bearer a.b.c, Bearer d.e.f", "invalid_request", "The request must carry exactly one token.")]
    [InlineData("Bearer a.b.c d.e.f", "invalid_request", "The Authorization header must be of the form Bearer followed by one token.")]
    public async Task Other_schemes_and_several_tokens_get_401(string header, string? error, string description)
    {
        var (context, request) = Request(nameof(SampleFunctions.Private), header);

        var response = await RefusalAsync(context, request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var expected = error is null
            ? "Bearer realm=\"cognito\""
            : $"Bearer realm=\"cognito\", error=\"{error}\", error_description=\"{description}\"";
        Assert.Equal(expected, response.Header("WWW-Authenticate"));
        Assert.Equal(description, Detail(response));
    }

    [Fact]
    public async Task Two_Authorization_headers_get_401_invalid_request()
    {
        var token = TestToken.Id(Harness.Now).Encode();
        var (context, request) = Request(nameof(SampleFunctions.Private), "Bearer " + token, "Bearer " + token);

        var response = await RefusalAsync(context, request);

        Assert.Contains("error=\"invalid_request\"", response.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_Authorization_header_gets_401_invalid_request()
    {
        var (context, request) = Request(nameof(SampleFunctions.Private), "Bearer " + new string('a', 16 * 1024));

        var response = await RefusalAsync(context, request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The Authorization header is too long.", Detail(response));
    }

    [Fact]
    public async Task An_expired_token_gets_401_invalid_token_and_nothing_of_the_token_is_echoed()
    {
        var token = TestToken.Id(Harness.Now.AddHours(-2)).Set("email", "echo-me@example.com").Encode();
        var (context, request) = Request(nameof(SampleFunctions.Private), "Bearer " + token);

        var response = await RefusalAsync(context, request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"cognito\", error=\"invalid_token\", error_description=\"The token has expired.\"", response.Header("WWW-Authenticate"));
        Assert.Equal("/problems/invalid-token", Type(response));
        AssertNothingEchoed(token, response);
        Assert.DoesNotContain(Harness.Logs.Messages, m => m.Contains("echo-me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_signature_gets_401_and_neither_the_answer_nor_the_log_holds_any_of_the_token()
    {
        var token = TestToken.Id(Harness.Now).Set("cognito:username", "attacker-chosen-name").SignWith(TestKey.Key3).Encode();
        var (context, request) = Request(nameof(SampleFunctions.Private), "Bearer " + token);

        var response = await RefusalAsync(context, request);

        Assert.Equal("The token's signature is invalid.", Detail(response));
        AssertNothingEchoed(token, response);
        Assert.Contains(Harness.Logs.Messages, m => m.Contains("bad_signature", StringComparison.Ordinal));
        foreach (var segment in token.Split('.'))
        {
            Assert.DoesNotContain(Harness.Logs.Messages, m => m.Contains(segment[..Math.Min(16, segment.Length)], StringComparison.Ordinal));
        }

        Assert.DoesNotContain(Harness.Logs.Messages, m => m.Contains("attacker-chosen-name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_of_an_untrusted_issuer_is_logged_with_that_issuer_beside_the_trusted_ones_and_nothing_else_of_it()
    {
        var issuer = $"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Stranger{Guid.NewGuid():N}";
        var token = TestToken.Id(Harness.Now, issuer: issuer).Set("cognito:username", "attacker-chosen-name").Encode();
        var (context, request) = Request(nameof(SampleFunctions.Private), "Bearer " + token);

        var response = await RefusalAsync(context, request);

        Assert.Equal("The token was not issued by a trusted user pool.", Detail(response));
        AssertNothingEchoed(token, response);
        Assert.DoesNotContain(issuer, response.BodyText(), StringComparison.Ordinal);
        var line = Assert.Single(Harness.Logs.Messages, m => m.Contains(issuer, StringComparison.Ordinal));
        Assert.Equal(
            $"Information: Rejected a request to Private: wrong_issuer (401); the token's issuer \"{issuer}\" is none of the trusted issuers {TestPools.IssuerA}, {TestPools.IssuerB}. ",
            line);
        Assert.DoesNotContain(Harness.Logs.Messages, m => m.Contains("attacker-chosen-name", StringComparison.Ordinal));
        foreach (var segment in token.Split('.'))
        {
            Assert.DoesNotContain(Harness.Logs.Messages, m => m.Contains(segment[..Math.Min(16, segment.Length)], StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_logged_issuer_is_bounded_and_cannot_break_or_forge_a_log_line()
    {
        var marker = Guid.NewGuid().ToString("N");
        var issuer = $"https://evil.example.com/{marker}\r\nInformation: Admitted a request to Admins.\u2028\u202e" + new string('x', 10_000);
        var (context, request) = Request(nameof(SampleFunctions.Private), "Bearer " + TestToken.Id(Harness.Now, issuer: issuer).Encode());

        await RefusalAsync(context, request);

        var line = Assert.Single(Harness.Logs.Messages, m => m.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(line, c => c is '\r' or '\n' or '\u2028' or '\u202e');
        Assert.Contains($"{marker}\\u000D\\u000AInformation: Admitted a request to Admins.\\u2028\\u202E", line, StringComparison.Ordinal);
        Assert.Contains($"... ({issuer.Length - LogText.MaxCharacters} more characters)", line, StringComparison.Ordinal);
        Assert.True(line.Length < 600, $"the line has {line.Length} characters");
    }

    [Fact]
    public async Task Every_refusal_is_problem_json_in_the_apps_form_with_nosniff_and_no_store()
    {
        var expired = TestToken.Id(Harness.Now.AddHours(-2)).Encode();
        var refusals = new List<FakeHttpResponseData>
        {
            await RefusalAsync(Context(nameof(SampleFunctions.Private), out var missing), missing),
            await RefusalAsync(Context(nameof(SampleFunctions.Private), out var header, "Bearer a.b.c d.e.f"), header),
            await RefusalAsync(Context(nameof(SampleFunctions.Private), out var invalid, "Bearer " + expired), invalid),
            await RefusalAsync(Context(nameof(SampleFunctions.AccessOnly), out var forbidden, "Bearer " + TestToken.Id(Harness.Now).Encode()), forbidden),
        };
        await using (var unavailable = await AuthHarness.StartAsync())
        {
            unavailable.Server.Fail(TestPools.PathA, 404);
            var middleware = ActivatorUtilities.CreateInstance<CognitoAuthenticationMiddleware>(unavailable.Services);
            var context = Context(nameof(SampleFunctions.Private), out var request, "Bearer " + TestToken.Id(unavailable.Now).Encode());
            refusals.Add((FakeHttpResponseData)(await middleware.AuthenticateAsync(context, request))!);
        }

        Assert.Equal([401, 401, 401, 403, 503], refusals.Select(r => (int)r.StatusCode));
        Assert.All(refusals, response =>
        {
            Assert.Equal(ProblemContentType, response.Header("Content-Type"));
            Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
            Assert.Equal("no-store", response.Header("Cache-Control"));
        });
    }

    [Fact]
    public async Task An_anonymous_function_runs_without_a_token_and_without_validating_one()
    {
        var (context, request) = Request(nameof(SampleFunctions.Login), "Bearer not-a-token");

        Assert.Null(await Middleware.AuthenticateAsync(context, request));
        Assert.False(context.TryGetCognitoToken(out _));
    }

    [Fact]
    public async Task A_function_marked_with_ASP_NET_Core_AllowAnonymous_runs_without_a_token_and_without_validating_one()
    {
        var (context, request) = Request(nameof(SampleFunctions.FrameworkAnonymous), "Bearer not-a-token");

        Assert.Null(await Middleware.AuthenticateAsync(context, request));
        Assert.False(context.TryGetCognitoToken(out _));
    }

    [Fact]
    public async Task An_ID_token_at_an_access_only_function_gets_403_insufficient_scope()
    {
        var (context, request) = Request(nameof(SampleFunctions.AccessOnly), "Bearer " + TestToken.Id(Harness.Now).Encode());

        var response = await RefusalAsync(context, request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bearer realm=\"cognito\", error=\"insufficient_scope\", error_description=\"This function requires an access token.\"", response.Header("WWW-Authenticate"));
        Assert.Equal("/problems/insufficient-permissions", Type(response));
    }

    [Fact]
    public async Task An_access_token_at_an_ID_only_function_gets_403()
    {
        var (context, request) = Request(nameof(SampleFunctions.IdOnly), "Bearer " + TestToken.Access(Harness.Now).Encode());

        var response = await RefusalAsync(context, request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("This function requires an ID token.", Detail(response));
    }

    [Fact]
    public async Task A_group_restricted_function_admits_a_member_of_any_listed_group_and_refuses_others_with_403()
    {
        var (memberContext, memberRequest) = Request(nameof(SampleFunctions.Admins), "Bearer " + TestToken.Id(Harness.Now).Encode());
        var (otherContext, otherRequest) = Request(nameof(SampleFunctions.Admins), "Bearer " + TestToken.Access(Harness.Now).Encode());

        Assert.Null(await Middleware.AuthenticateAsync(memberContext, memberRequest));
        var refused = await RefusalAsync(otherContext, otherRequest);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("The user is not in a group this function requires.", Detail(refused));
    }

    [Fact]
    public async Task A_scope_restricted_function_names_the_scopes_in_its_challenge()
    {
        var (context, request) = Request(nameof(SampleFunctions.WriteOrders), "Bearer " + TestToken.Access(Harness.Now).Encode());
        var (writerContext, writerRequest) = Request(nameof(SampleFunctions.WriteOrders), "Bearer " + TestToken.Access(Harness.Now).Set("scope", "openid orders/admin").Encode());

        var response = await RefusalAsync(context, request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            "Bearer realm=\"cognito\", error=\"insufficient_scope\", error_description=\"The token lacks a scope this function requires.\", scope=\"orders/write orders/admin\"",
            response.Header("WWW-Authenticate"));
        Assert.Null(await Middleware.AuthenticateAsync(writerContext, writerRequest));
    }

    [Fact]
    public async Task Several_requirements_must_all_be_met()
    {
        var adminAccess = TestToken.Access(Harness.Now).Set("cognito:groups", new List<string> { "admins" }).Encode();
        var adminId = TestToken.Id(Harness.Now).Encode();

        Assert.Null(await Middleware.AuthenticateAsync(Context(nameof(SampleFunctions.AdminsWithAccessToken), out var r1, "Bearer " + adminAccess), r1));
        var refused = await RefusalAsync(Context(nameof(SampleFunctions.AdminsWithAccessToken), out var r2, "Bearer " + adminId), r2);

        Assert.Equal("This function requires an access token.", Detail(refused));
    }

    [Fact]
    public async Task Keys_that_cannot_be_fetched_give_503_with_Retry_After_and_no_challenge()
    {
        await using var harness = await AuthHarness.StartAsync();
        harness.Server.Fail(TestPools.PathA, 404);
        var middleware = ActivatorUtilities.CreateInstance<CognitoAuthenticationMiddleware>(harness.Services);
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private)), TraceParent);
        var request = new FakeHttpRequestData(context).WithAuthorization("Bearer " + TestToken.Id(harness.Now).Encode());

        var response = (FakeHttpResponseData)(await middleware.AuthenticateAsync(context, request))!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Null(response.Header("WWW-Authenticate"));
        Assert.Equal("10", response.Header("Retry-After"));
        Assert.Equal("/problems/authentication-unavailable", Type(response));
    }

    [Fact]
    public async Task Every_decision_is_counted_by_outcome()
    {
        using var collector = new MetricCollector<long>(Harness.Services.GetRequiredService<IMeterFactory>(), AuthenticationMetrics.MeterName, "cognito.auth.requests");
        var expired = TestToken.Id(Harness.Now.AddHours(-2)).Encode();

        await Middleware.AuthenticateAsync(Context(nameof(SampleFunctions.Private), out var r1), r1);
        await Middleware.AuthenticateAsync(Context(nameof(SampleFunctions.Private), out var r2, "Bearer " + expired), r2);
        await Middleware.AuthenticateAsync(Context(nameof(SampleFunctions.Private), out var r3, "Bearer " + TestToken.Id(Harness.Now).Encode()), r3);
        await Middleware.AuthenticateAsync(Context(nameof(SampleFunctions.AccessOnly), out var r4, "Bearer " + TestToken.Id(Harness.Now).Encode()), r4);

        var outcomes = collector.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!).ToList();
        Assert.Contains("missing", outcomes);
        Assert.Contains("expired", outcomes);
        Assert.Contains("valid", outcomes);
        Assert.Contains("wrong_token_use", outcomes);
    }

    [Fact]
    public async Task Validation_time_is_recorded_by_cached_with_buckets_from_a_repeated_token_to_a_wait_for_keys()
    {
        using var collector = new MetricCollector<double>(Harness.Services.GetRequiredService<IMeterFactory>(), AuthenticationMetrics.MeterName, "cognito.auth.validation.duration");
        var token = "Bearer " + TestToken.Id(Harness.Now).Set("jti", Guid.NewGuid().ToString()).Encode();

        await Middleware.AuthenticateAsync(Context(nameof(SampleFunctions.Private), out var first, token), first);
        await Middleware.AuthenticateAsync(Context(nameof(SampleFunctions.Private), out var repeat, token), repeat);

        Assert.Equal(["false", "true"], collector.GetMeasurementSnapshot().Select(m => (string)m.Tags["cached"]!));
        var boundaries = ((Histogram<double>)collector.Instrument!).Advice?.HistogramBucketBoundaries;
        Assert.NotNull(boundaries);
        Assert.True(boundaries.SequenceEqual(boundaries.Order()) && boundaries.Distinct().Count() == boundaries.Count, "boundaries rise strictly");
        Assert.True(boundaries[0] <= 0.00001, "a repeated token, decided in microseconds, has buckets of its own");
        Assert.True(boundaries[^1] >= new CognitoAuthOptions().JwksFetchTimeout.TotalSeconds, "a request that waits for a JWKS fetch still fits a bucket");
    }

    [Fact]
    public async Task Invoke_runs_the_function_with_the_token_in_its_context()
    {
        var context = Context(nameof(SampleFunctions.Private), out var request, "Bearer " + TestToken.Id(Harness.Now).Encode());
        context.Features.Set<IHttpRequestDataFeature>(new RequestFeature(request));
        CognitoToken? seen = null;

        await Middleware.Invoke(context, c =>
        {
            seen = c.GetCognitoToken();
            return Task.CompletedTask;
        });

        Assert.NotNull(seen);
    }

    [Fact]
    public async Task Invoke_lets_functions_other_than_HTTP_triggers_through()
    {
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private), http: false));
        var ran = false;

        await Middleware.Invoke(context, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
    }

    [Fact]
    public void The_trace_id_is_the_W3C_trace_id_of_the_invocation_or_else_its_invocation_id()
    {
        var traced = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private)), TraceParent);
        var untraced = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private)));

        Assert.Equal("0af7651916cd43dd8448eb211c80319c", CognitoAuthenticationMiddleware.TraceId(traced));
        Assert.Equal(untraced.InvocationId, CognitoAuthenticationMiddleware.TraceId(untraced));
    }

    [Fact]
    public void Reading_the_token_of_an_unauthenticated_invocation_is_a_clear_programming_error()
    {
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Login)));

        var error = Assert.Throws<InvalidOperationException>(() => context.GetCognitoPrincipal());

        Assert.Contains("Login", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => context.GetCognitoToken());
    }

    private static (FakeFunctionContext Context, FakeHttpRequestData Request) Request(string function, params string[] authorization)
    {
        var context = Context(function, out var request, authorization);
        return (context, request);
    }

    private static FakeFunctionContext Context(string function, out FakeHttpRequestData request, params string[] authorization)
    {
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(function), TraceParent);
        request = new FakeHttpRequestData(context).WithAuthorization(authorization);
        return context;
    }

    private async Task<FakeHttpResponseData> RefusalAsync(FunctionContext context, HttpRequestData request)
    {
        var response = await Middleware.AuthenticateAsync(context, request);
        Assert.NotNull(response);
        return (FakeHttpResponseData)response;
    }

    private static string? Detail(FakeHttpResponseData response)
    {
        using var body = JsonDocument.Parse(response.BodyText());
        return body.RootElement.GetProperty("detail").GetString();
    }

    private static string? Type(FakeHttpResponseData response)
    {
        using var body = JsonDocument.Parse(response.BodyText());
        return body.RootElement.GetProperty("type").GetString();
    }

    private static void AssertNothingEchoed(string token, FakeHttpResponseData response)
    {
        var everything = response.BodyText() + string.Join("\n", response.Headers.SelectMany(h => h.Value));
        foreach (var segment in token.Split('.'))
        {
            Assert.DoesNotContain(segment[..Math.Min(12, segment.Length)], everything, StringComparison.Ordinal);
        }
    }

    private sealed class RequestFeature(HttpRequestData request) : IHttpRequestDataFeature
    {
        public ValueTask<HttpRequestData?> GetHttpRequestDataAsync(FunctionContext context) => ValueTask.FromResult<HttpRequestData?>(request);
    }
}
