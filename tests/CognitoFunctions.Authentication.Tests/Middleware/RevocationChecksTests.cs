using System.Net;
using System.Text.Json;
using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>
/// <c>[RequireCognitoToken(CheckRevocation = true)]</c>: Cognito's <c>GetUser</c> asked with the access token (answered
/// here in memory, as the API reference shapes its answers), its verdict remembered per token for a bounded time, and
/// every way Cognito can fail to answer refused with 503.
/// </summary>
public sealed class RevocationChecksTests
{
    private const string Function = nameof(SampleFunctions.RevocationChecked);

    [Fact]
    public async Task An_access_token_Cognito_accepts_reaches_the_function_after_one_unsigned_GetUser_to_the_pools_regional_endpoint()
    {
        await using var cognito = await StartAsync(_ => ScriptedCognitoHandler.Ok());
        var token = TestToken.Access(cognito.Harness.Now).Encode();

        Assert.Null(await cognito.AuthenticateAsync(Function, token));

        var call = Assert.Single(cognito.Handler.Requests);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal(new Uri($"https://cognito-idp.{TestPools.RegionA}.amazonaws.com/"), call.Address);
        Assert.Equal("AWSCognitoIdentityProviderService.GetUser", call.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", call.ContentType);
        Assert.False(call.Headers.ContainsKey("Authorization"));
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(token, body.RootElement.GetProperty("AccessToken").GetString());
        Assert.Single(body.RootElement.EnumerateObject());
    }

    [Fact]
    public async Task After_a_sign_out_the_token_gets_401_once_the_remembered_answer_is_older_than_the_interval_and_never_later()
    {
        var revoked = false;
        await using var cognito = await StartAsync(
            _ => revoked ? ScriptedCognitoHandler.Error("NotAuthorizedException") : ScriptedCognitoHandler.Ok(),
            settings => settings["CognitoAuth:RevocationCheckInterval"] = "00:00:20");
        var token = TestToken.Access(cognito.Harness.Now).Encode();
        Assert.Null(await cognito.AuthenticateAsync(Function, token));

        revoked = true;
        cognito.Harness.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.Null(await cognito.AuthenticateAsync(Function, token));
        Assert.Equal(1, cognito.Handler.Count);

        cognito.Harness.Time.Advance(TimeSpan.FromSeconds(1));
        var refused = await cognito.RefusalAsync(Function, token);

        Assert.Equal(2, cognito.Handler.Count);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(CognitoAuthenticationProblem.InvalidToken.Type, Member(refused, "type"));
        Assert.Equal("The token has been revoked: the user signed out, or the account was disabled. Log in again.", Member(refused, "detail"));
        Assert.Equal(
            "Bearer realm=\"cognito\", error=\"invalid_token\", error_description=\"The token has been revoked: the user signed out, or the account was disabled. Log in again.\"",
            refused.Header("WWW-Authenticate"));
        Assert.Contains(cognito.Harness.Logs.Messages, m => m == $"Information: Rejected a request to {Function}: revoked (401). ");
    }

    [Fact]
    public async Task A_revoked_answer_is_remembered_until_the_token_expires()
    {
        await using var cognito = await StartAsync(_ => ScriptedCognitoHandler.Error("NotAuthorizedException"));
        var token = TestToken.Access(cognito.Harness.Now).Encode();

        await cognito.RefusalAsync(Function, token);
        cognito.Harness.Time.Advance(TimeSpan.FromMinutes(59));
        var again = await cognito.RefusalAsync(Function, token);

        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(1, cognito.Handler.Count);
    }

    [Fact]
    public async Task A_deleted_user_gets_401_invalid_token_saying_the_account_is_gone()
    {
        await using var cognito = await StartAsync(_ => ScriptedCognitoHandler.Error("com.amazonaws.cognito#UserNotFoundException"));

        var refused = await cognito.RefusalAsync(Function, TestToken.Access(cognito.Harness.Now).Encode());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The token's account no longer exists.", Member(refused, "detail"));
        Assert.Contains("error=\"invalid_token\"", refused.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Unanswered => new()
    {
        { "throttled", "throttled" },
        { "limit exceeded", "throttled" },
        { "429", "throttled" },
        { "internal error", "error" },
        { "500", "error" },
        { "503 html", "error" },
        { "unknown 400", "error" },
        { "not json", "error" },
        { "200 not Cognito's", "error" },
        { "200 empty object", "error" },
        { "connection refused", "network_error" },
    };

    [Theory]
    [MemberData(nameof(Unanswered))]
    public async Task When_Cognito_gives_no_verdict_the_request_gets_503_with_Retry_After_and_the_next_request_asks_again(string answer, string result)
    {
        await using var cognito = await StartAsync(_ => answer switch
        {
            "throttled" => ScriptedCognitoHandler.Error("TooManyRequestsException"),
            "limit exceeded" => ScriptedCognitoHandler.Error("LimitExceededException"),
            "429" => ScriptedCognitoHandler.Json(HttpStatusCode.TooManyRequests, "{}"),
            "internal error" => ScriptedCognitoHandler.Error("InternalErrorException", HttpStatusCode.InternalServerError),
            "500" => ScriptedCognitoHandler.Json(HttpStatusCode.InternalServerError, ""),
            "503 html" => ScriptedCognitoHandler.Json(HttpStatusCode.ServiceUnavailable, "<html>busy</html>"),
            "unknown 400" => ScriptedCognitoHandler.Error("InvalidParameterException"),
            "not json" => ScriptedCognitoHandler.Json(HttpStatusCode.BadRequest, "<html>"),
            "200 not Cognito's" => ScriptedCognitoHandler.Json(HttpStatusCode.OK, "<html>welcome</html>"),
            "200 empty object" => ScriptedCognitoHandler.Json(HttpStatusCode.OK, "{}"),
            _ => throw new HttpRequestException("Connection refused"),
        });
        using var checks = new MetricCollector<long>(cognito.Harness.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), AuthenticationMetrics.MeterName, "cognito.auth.revocation.checks");
        var token = TestToken.Access(cognito.Harness.Now).Encode();

        var refused = await cognito.RefusalAsync(Function, token);
        await cognito.RefusalAsync(Function, token);

        AssertUnavailable(refused);
        Assert.Equal(2, cognito.Handler.Count);
        Assert.All(checks.GetMeasurementSnapshot(), m => Assert.Equal(result, m.Tags["result"]));
        Assert.Contains(cognito.Harness.Logs.Messages, m => m == $"Warning: Answered 503 to a request to {Function}: Cognito could not be asked whether its access token was revoked ({result}). ");
        Assert.DoesNotContain(cognito.Harness.Logs.Messages, m => m.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Cognito_that_does_not_answer_within_the_timeout_gets_503()
    {
        var never = new TaskCompletionSource<HttpResponseMessage>();
        await using var cognito = await StartAsync(_ => never.Task, settings => settings["CognitoAuth:RevocationCheckTimeout"] = "00:00:02");
        var pending = cognito.AuthenticateAsync(Function, TestToken.Access(cognito.Harness.Now).Encode());

        Assert.Same(cognito.Handler.Arrived.Task, await Task.WhenAny(pending, cognito.Handler.Arrived.Task));
        cognito.Harness.Time.Advance(TimeSpan.FromSeconds(2));
        var refused = Assert.IsType<FakeHttpResponseData>(await pending);

        AssertUnavailable(refused);
        Assert.Contains(cognito.Harness.Logs.Messages, m => m.Contains("(timeout)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_token_share_one_call_and_its_verdict()
    {
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cognito = await StartAsync(_ => answer.Task);
        var token = TestToken.Access(cognito.Harness.Now).Encode();

        var first = cognito.AuthenticateAsync(Function, token);
        Assert.Same(cognito.Handler.Arrived.Task, await Task.WhenAny(first, cognito.Handler.Arrived.Task));
        var others = Enumerable.Range(0, 8).Select(_ => cognito.AuthenticateAsync(Function, token)).ToArray();
        answer.SetResult(ScriptedCognitoHandler.Error("NotAuthorizedException"));
        var responses = await Task.WhenAll([first, .. others]);

        Assert.Equal(1, cognito.Handler.Count);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, Assert.IsType<FakeHttpResponseData>(r).StatusCode));
    }

    [Theory]
    [InlineData(nameof(SampleFunctions.RevocationChecked))]
    [InlineData(nameof(SampleFunctions.RevocationCheckedAskingForId))]
    public async Task An_ID_token_gets_403_saying_an_access_token_is_needed_and_Cognito_is_not_asked(string function)
    {
        await using var cognito = await StartAsync(_ => ScriptedCognitoHandler.Ok());

        var refused = await cognito.RefusalAsync(function, TestToken.Id(cognito.Harness.Now).Encode());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("This function asks Cognito whether the token was revoked, which needs an access token.", Member(refused, "detail"));
        Assert.Equal(0, cognito.Handler.Count);
    }

    [Fact]
    public async Task An_access_token_passes_the_function_that_asked_for_an_ID_token_and_a_revocation_check()
    {
        await using var cognito = await StartAsync(_ => ScriptedCognitoHandler.Ok());

        Assert.Null(await cognito.AuthenticateAsync(nameof(SampleFunctions.RevocationCheckedAskingForId), TestToken.Access(cognito.Harness.Now).Encode()));
    }

    [Theory]
    [InlineData(nameof(SampleFunctions.Private))]
    [InlineData(nameof(SampleFunctions.AccessOnly))]
    public async Task Functions_without_the_option_never_ask_Cognito(string function)
    {
        await using var cognito = await StartAsync(_ => ScriptedCognitoHandler.Error("NotAuthorizedException"));

        Assert.Null(await cognito.AuthenticateAsync(function, TestToken.Access(cognito.Harness.Now).Encode()));
        Assert.Equal(0, cognito.Handler.Count);
    }

    [Fact]
    public async Task A_pools_ServiceUrl_is_where_its_tokens_are_checked()
    {
        await using var cognito = await StartAsync(
            _ => ScriptedCognitoHandler.Ok(), settings => settings["CognitoAuth:TrustedPools:0:ServiceUrl"] = "http://127.0.0.1:9229/");

        Assert.Null(await cognito.AuthenticateAsync(Function, TestToken.Access(cognito.Harness.Now).Encode()));

        Assert.Equal(new Uri("http://127.0.0.1:9229/"), Assert.Single(cognito.Handler.Requests).Address);
    }

    [Fact]
    public async Task A_token_whose_answer_finds_no_room_is_asked_about_again_and_an_empty_cache_asks_every_time()
    {
        await using var cognito = await StartAsync(_ => ScriptedCognitoHandler.Ok(), settings => settings["CognitoAuth:CacheSize"] = "0");
        var token = TestToken.Access(cognito.Harness.Now).Encode();

        Assert.Null(await cognito.AuthenticateAsync(Function, token));
        Assert.Null(await cognito.AuthenticateAsync(Function, token));

        Assert.Equal(2, cognito.Handler.Count);
    }

    [Fact]
    public void The_policy_of_a_revocation_checked_function_requires_an_access_token_and_lists_401_403_and_503()
    {
        var policy = CognitoFunctionPolicy.For(typeof(SampleFunctions).GetMethod(nameof(SampleFunctions.RevocationCheckedAskingForId))!);

        Assert.True(policy.ChecksRevocation);
        var requirement = Assert.Single(policy.Requirements);
        Assert.True(requirement.CheckRevocation);
        Assert.Equal(CognitoTokenUse.Access, requirement.TokenUse);
        Assert.Contains(CognitoAuthenticationProblem.InvalidToken, policy.Problems);
        Assert.Contains(CognitoAuthenticationProblem.InsufficientPermissions, policy.Problems);
        Assert.Contains(CognitoAuthenticationProblem.AuthenticationUnavailable, policy.Problems);
        Assert.False(CognitoFunctionPolicy.For(typeof(SampleFunctions).GetMethod(nameof(SampleFunctions.AccessOnly))!).ChecksRevocation);
    }

    private static void AssertUnavailable(FakeHttpResponseData refused)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Header("Retry-After"));
        Assert.Null(refused.Header("WWW-Authenticate"));
        Assert.Equal(CognitoAuthenticationProblem.AuthenticationUnavailable.Type, Member(refused, "type"));
        Assert.Equal("Cognito could not confirm that the token is still valid; try again later.", Member(refused, "detail"));
    }

    private static string? Member(FakeHttpResponseData response, string name)
    {
        using var body = JsonDocument.Parse(response.BodyText());
        return body.RootElement.GetProperty(name).GetString();
    }

    private static async Task<ScriptedCognito> StartAsync(
        Func<int, HttpResponseMessage> answer, Action<Dictionary<string, string?>>? configure = null) =>
        await StartAsync(i => Task.FromResult(answer(i)), configure);

    private static async Task<ScriptedCognito> StartAsync(
        Func<int, Task<HttpResponseMessage>> answer, Action<Dictionary<string, string?>>? configure = null)
    {
        var handler = new ScriptedCognitoHandler(answer);
        var harness = await AuthHarness.StartAsync(
            configure,
            services: services => services.AddHttpClient(CognitoGetUser.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));
        await harness.LoadKeysAsync();
        return new ScriptedCognito(harness, handler);
    }

    private sealed class ScriptedCognito(AuthHarness harness, ScriptedCognitoHandler handler) : IAsyncDisposable
    {
        public AuthHarness Harness { get; } = harness;

        public ScriptedCognitoHandler Handler { get; } = handler;

        public async Task<Microsoft.Azure.Functions.Worker.Http.HttpResponseData?> AuthenticateAsync(string function, string token)
        {
            var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(function));
            var request = new FakeHttpRequestData(context).WithAuthorization("Bearer " + token);
            return await ActivatorUtilities.CreateInstance<CognitoAuthenticationMiddleware>(Harness.Services).AuthenticateAsync(context, request);
        }

        public async Task<FakeHttpResponseData> RefusalAsync(string function, string token) =>
            Assert.IsType<FakeHttpResponseData>(await AuthenticateAsync(function, token));

        public async ValueTask DisposeAsync()
        {
            await Harness.DisposeAsync();
            Handler.Dispose();
        }
    }
}
