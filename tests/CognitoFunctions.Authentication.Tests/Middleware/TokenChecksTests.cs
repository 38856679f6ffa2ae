using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>
/// The application's own checks (<see cref="ICognitoTokenCheck"/>): when they run, how their refusals and failures are
/// answered, and the claims they add.
/// </summary>
public sealed class TokenChecksTests
{
    [Fact]
    public async Task A_check_that_forbids_gets_403_answered_like_the_middlewares_own_and_the_function_sees_no_token()
    {
        await using var harness = await StartAsync(_ => Forbid("Your account is suspended."));
        var (context, request) = Request(harness, nameof(SampleFunctions.Private));

        var response = await RefusalAsync(harness, context, request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            "Bearer realm=\"cognito\", error=\"insufficient_scope\", error_description=\"Your account is suspended.\"",
            response.Header("WWW-Authenticate"));
        Assert.Equal("application/problem+json; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
        using var body = JsonDocument.Parse(response.BodyText());
        Assert.Equal(CognitoAuthenticationProblem.InsufficientPermissions.Type, body.RootElement.GetProperty("type").GetString());
        Assert.Equal(CognitoAuthenticationProblem.InsufficientPermissions.Title, body.RootElement.GetProperty("title").GetString());
        Assert.Equal("Your account is suspended.", body.RootElement.GetProperty("detail").GetString());
        Assert.Equal(403, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(context.TryGetCognitoToken(out _));
        Assert.Contains(harness.Logs.Messages, m => m == "Information: Rejected a request to Private: check_forbidden (403). ");
    }

    [Fact]
    public async Task A_check_that_refuses_the_token_gets_401_invalid_token_with_the_default_text()
    {
        await using var harness = await StartAsync(_ => ValueTask.FromResult(CognitoTokenCheckResult.Unauthorized()));
        var (context, request) = Request(harness, nameof(SampleFunctions.Private));

        var response = await RefusalAsync(harness, context, request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            "Bearer realm=\"cognito\", error=\"invalid_token\", error_description=\"The token is not accepted by this application.\"",
            response.Header("WWW-Authenticate"));
        Assert.Equal(CognitoAuthenticationProblem.InvalidToken.Type, Member(response, "type"));
    }

    [Fact]
    public async Task Claims_a_check_adds_are_on_the_principal_the_function_sees_issued_by_the_app_not_the_pool()
    {
        await using var harness = await StartAsync(check =>
        {
            check.AddClaim("tenant", "t-42");
            return ValueTask.FromResult(CognitoTokenCheckResult.Success);
        });
        var (context, request) = Request(harness, nameof(SampleFunctions.Private));

        Assert.Null(await Middleware(harness).AuthenticateAsync(context, request));

        var principal = context.GetCognitoPrincipal();
        var tenant = Assert.Single(principal.FindAll("tenant"));
        Assert.Equal("t-42", tenant.Value);
        Assert.Equal(ClaimsIdentity.DefaultIssuer, tenant.Issuer);
        Assert.Equal(TestPools.IssuerA, principal.FindFirst("sub")!.Issuer);
        Assert.Equal("user@example.com", principal.GetEmail());
        Assert.True(principal.Identity!.IsAuthenticated);
        Assert.Null(context.GetCognitoToken().ToClaimsPrincipal().FindFirst("tenant"));
    }

    [Fact]
    public async Task A_check_runs_on_every_request_cached_tokens_included_so_a_revocation_takes_effect_at_once()
    {
        var revoked = new HashSet<string>(StringComparer.Ordinal);
        var calls = 0;
        await using var harness = await StartAsync(check =>
        {
            calls++;
            return ValueTask.FromResult(revoked.Contains(check.Token.TokenId!) ? CognitoTokenCheckResult.Unauthorized("The token was revoked.") : CognitoTokenCheckResult.Success);
        });
        var token = TestToken.Access(harness.Now).Set("jti", "revocable-1").Encode();

        Assert.Null(await Middleware(harness).AuthenticateAsync(Context(nameof(SampleFunctions.Private), out var first, "Bearer " + token), first));
        Assert.True(harness.Validator.TryGetCached(token.AsSpan(), out _));
        revoked.Add("revocable-1");
        var refused = await RefusalAsync(harness, Context(nameof(SampleFunctions.Private), out var second, "Bearer " + token), second);

        Assert.Equal(2, calls);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The token was revoked.", Member(refused, "detail"));
    }

    [Theory]
    [InlineData(nameof(SampleFunctions.Login), null)]
    [InlineData(nameof(SampleFunctions.Private), "none")]
    [InlineData(nameof(SampleFunctions.Private), "expired")]
    [InlineData(nameof(SampleFunctions.AccessOnly), "id")]
    public async Task A_check_never_runs_for_anonymous_functions_nor_before_the_token_and_the_attributes_hold(string function, string? token)
    {
        var calls = 0;
        await using var harness = await StartAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(CognitoTokenCheckResult.Success);
        });
        var authorization = token switch
        {
            "none" => [],
            "expired" => ["Bearer " + TestToken.Id(harness.Now.AddHours(-2)).Encode()],
            "id" => ["Bearer " + TestToken.Id(harness.Now).Encode()],
            _ => new[] { "Bearer " + TestToken.Id(harness.Now).Encode() },
        };

        await Middleware(harness).AuthenticateAsync(Context(function, out var request, authorization), request);

        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Checks_run_in_the_order_they_were_added_each_seeing_the_claims_of_the_one_before_until_one_refuses()
    {
        var ran = new List<string>();
        await using var harness = await StartAsync(services => services
            .AddCognitoTokenCheck(check =>
            {
                ran.Add("first");
                check.AddClaim("tenant", "t-1");
                return ValueTask.FromResult(CognitoTokenCheckResult.Success);
            })
            .AddCognitoTokenCheck(check =>
            {
                ran.Add("second");
                return ValueTask.FromResult(check.Principal.HasClaim("tenant", "t-1") ? CognitoTokenCheckResult.Forbidden() : CognitoTokenCheckResult.Success);
            })
            .AddCognitoTokenCheck(_ =>
            {
                ran.Add("third");
                return ValueTask.FromResult(CognitoTokenCheckResult.Success);
            }));
        var (context, request) = Request(harness, nameof(SampleFunctions.Private));

        var refused = await RefusalAsync(harness, context, request);

        Assert.Equal(["first", "second"], ran);
        Assert.Equal("The caller is not allowed to use this function.", Member(refused, "detail"));
    }

    [Fact]
    public async Task An_asynchronous_check_is_awaited()
    {
        var gate = new TaskCompletionSource();
        await using var harness = await StartAsync(async check =>
        {
            await gate.Task;
            check.AddClaim("late", "yes");
            return CognitoTokenCheckResult.Success;
        });
        var (context, request) = Request(harness, nameof(SampleFunctions.Private));

        var decision = Middleware(harness).AuthenticateAsync(context, request);
        Assert.False(decision.IsCompleted);
        gate.SetResult();

        Assert.Null(await decision);
        Assert.True(context.GetCognitoPrincipal().HasClaim("late", "yes"));
    }

    public static TheoryData<string> Failures => ["throws", "throws after awaiting", "answers null", "bad detail", "cancelled"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_check_that_fails_closes_with_503_authentication_unavailable_and_a_log_line_never_showing_the_exception(string failure)
    {
        const string Secret = "connection string with password=hunter2";
        await using var harness = await StartAsync(async check => failure switch
        {
            "throws" => throw new InvalidOperationException(Secret),
            "throws after awaiting" => await ThrowLaterAsync(Secret),
            "answers null" => null!,
            "bad detail" => CognitoTokenCheckResult.Forbidden("say \"no\""),
            _ => throw new OperationCanceledException(Secret),
        });
        var (context, request) = Request(harness, nameof(SampleFunctions.Private));

        var response = await RefusalAsync(harness, context, request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Header("Retry-After"));
        Assert.Null(response.Header("WWW-Authenticate"));
        Assert.Equal(CognitoAuthenticationProblem.AuthenticationUnavailable.Type, Member(response, "type"));
        Assert.Equal("The application could not check the caller; try again later.", Member(response, "detail"));
        Assert.DoesNotContain("hunter2", response.BodyText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.BodyText(), StringComparison.Ordinal);
        Assert.False(context.TryGetCognitoToken(out _));
        var line = Assert.Single(harness.Logs.Messages, m => m.StartsWith("Error: The token check ", StringComparison.Ordinal));
        Assert.Contains("on a request to Private: answered 503 (check_failed).", line, StringComparison.Ordinal);
        Assert.Equal(failure != "answers null", line.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_check_class_is_logged_by_its_name_and_added_once_however_often_it_is_registered()
    {
        await using var harness = await StartAsync(services => services
            .AddCognitoTokenCheck<ThrowingCheck>()
            .AddCognitoTokenCheck<ThrowingCheck>());
        var (context, request) = Request(harness, nameof(SampleFunctions.Private));

        await RefusalAsync(harness, context, request);

        Assert.Single(harness.Services.GetServices<ICognitoTokenCheck>());
        var line = Assert.Single(harness.Logs.Messages, m => m.StartsWith("Error:", StringComparison.Ordinal));
        Assert.StartsWith($"Error: The token check {typeof(ThrowingCheck).FullName} threw", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_by_a_check_are_counted_by_their_own_outcomes()
    {
        var verdicts = new Queue<Func<CognitoTokenCheckResult>>(
            [() => CognitoTokenCheckResult.Unauthorized(), () => CognitoTokenCheckResult.Forbidden(), () => throw new InvalidOperationException(), () => CognitoTokenCheckResult.Success]);
        await using var harness = await StartAsync(_ => ValueTask.FromResult(verdicts.Dequeue()()));
        using var collector = new MetricCollector<long>(harness.Services.GetRequiredService<IMeterFactory>(), AuthenticationMetrics.MeterName, "cognito.auth.requests");

        for (var i = 0; i < 4; i++)
        {
            await Middleware(harness).AuthenticateAsync(Context(nameof(SampleFunctions.Private), out var request, "Bearer " + TestToken.Id(harness.Now).Encode()), request);
        }

        Assert.Equal(["check_refused", "check_forbidden", "check_failed", "valid"], collector.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a \"quoted\" word")]
    [InlineData("back\\slash")]
    [InlineData("line\nbreak")]
    [InlineData("caf\u00e9")]
    public void A_refusals_detail_must_be_printable_ASCII_fit_for_a_challenge(string detail)
    {
        Assert.Throws<ArgumentException>(() => CognitoTokenCheckResult.Forbidden(detail));
        Assert.Throws<ArgumentException>(() => CognitoTokenCheckResult.Unauthorized(detail));
        Assert.Throws<ArgumentException>(() => CognitoTokenCheckResult.Forbidden(new string('a', CognitoTokenCheckResult.MaxDetailLength + 1)));
        Assert.Equal(CognitoTokenCheckResult.MaxDetailLength, CognitoTokenCheckResult.Forbidden(new string('a', CognitoTokenCheckResult.MaxDetailLength)).Detail!.Length);
    }

    private static Task<AuthHarness> StartAsync(Func<CognitoTokenCheckContext, ValueTask<CognitoTokenCheckResult>> check) =>
        StartAsync(services => services.AddCognitoTokenCheck(check));

    private static async Task<AuthHarness> StartAsync(Action<IServiceCollection> services)
    {
        var harness = await AuthHarness.StartAsync(services: services);
        await harness.LoadKeysAsync();
        return harness;
    }

    private static ValueTask<CognitoTokenCheckResult> Forbid(string detail) => ValueTask.FromResult(CognitoTokenCheckResult.Forbidden(detail));

    private static async Task<CognitoTokenCheckResult> ThrowLaterAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    private static CognitoAuthenticationMiddleware Middleware(AuthHarness harness) =>
        ActivatorUtilities.CreateInstance<CognitoAuthenticationMiddleware>(harness.Services);

    private static (FakeFunctionContext Context, FakeHttpRequestData Request) Request(AuthHarness harness, string function) =>
        (Context(function, out var request, "Bearer " + TestToken.Id(harness.Now).Encode()), request);

    private static FakeFunctionContext Context(string function, out FakeHttpRequestData request, params string[] authorization)
    {
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(function));
        request = new FakeHttpRequestData(context).WithAuthorization(authorization);
        return context;
    }

    private static async Task<FakeHttpResponseData> RefusalAsync(AuthHarness harness, FakeFunctionContext context, FakeHttpRequestData request)
    {
        var response = await Middleware(harness).AuthenticateAsync(context, request);
        Assert.NotNull(response);
        return (FakeHttpResponseData)response;
    }

    private static string? Member(FakeHttpResponseData response, string name)
    {
        using var body = JsonDocument.Parse(response.BodyText());
        return body.RootElement.GetProperty(name).GetString();
    }

    private sealed class ThrowingCheck : ICognitoTokenCheck
    {
        public ValueTask<CognitoTokenCheckResult> CheckAsync(CognitoTokenCheckContext context) => throw new InvalidOperationException("broken");
    }
}
