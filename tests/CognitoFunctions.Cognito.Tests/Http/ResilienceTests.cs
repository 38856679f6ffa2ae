using System.Diagnostics;
using System.Net;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.Loopback;

namespace CognitoFunctions.Cognito.Tests.Http;

/// <summary>Retries and timeouts of the client as registered, against a loopback fake that verifies every signature.</summary>
public sealed class ResilienceTests
{
    private const string UserJson = """{"Username":"6c1b3a80-0000-4000-8000-000000000001","UserAttributes":[{"Name":"email","Value":"a@example.com"}],"Enabled":true,"UserStatus":"CONFIRMED","UserCreateDate":1700000000,"UserLastModifiedDate":1700000000}""";

    private static readonly AdminGetUserRequest GetUser = new() { Username = "a@example.com" };
    private static readonly AdminCreateUserRequest CreateUser = new() { Username = "a@example.com", MessageAction = MessageActionType.Suppress };

    public static TheoryData<string, CognitoAnswer> TransientFailures => new()
    {
        { "throttling (HTTP 400 TooManyRequestsException)", CognitoAnswer.Throttled() },
        { "throttling with a namespace prefix", CognitoAnswer.Error("com.amazonaws.cognito.identity.idp.model#TooManyRequestsException", "Rate exceeded") },
        { "AWS's generic ThrottlingException", CognitoAnswer.Error("ThrottlingException", "Rate exceeded") },
        { "HTTP 429", new CognitoAnswer(429, "") },
        { "HTTP 500 InternalErrorException", CognitoAnswer.Error("InternalErrorException", "Internal error", 500) },
        { "HTTP 503 from a proxy, not JSON", new CognitoAnswer(503, "<html>Service Unavailable</html>", "text/html") },
    };

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task A_transient_failure_is_retried_and_each_attempt_carries_a_fresh_valid_signature(string failure, CognitoAnswer first)
    {
        await using var fake = await CognitoFaultProxy.StartAsync(CognitoAnswer.Sequence(first, CognitoAnswer.Ok(UserJson)));
        await using var services = TestClients.Create(fake.Address, time: new SteppingTimeProvider());

        var user = await services.Client().AdminGetUserAsync(GetUser);

        Assert.Equal("a@example.com", user.UserAttributes.ValueOf("email"));
        Assert.True(fake.Requests.Count == 2, $"{failure}: {fake.Requests.Count} requests");
        Assert.All(fake.Requests, r => Assert.True(r.Signature!.IsValid, $"{failure}: attempt {r.Index}: {r.Signature.Failure}"));
        Assert.NotEqual(fake.Requests[0].Signature!.AmzDate, fake.Requests[1].Signature!.AmzDate);
        Assert.NotEqual(fake.Requests[0].Signature!.Signature, fake.Requests[1].Signature!.Signature);
    }

    [Theory]
    [InlineData("NotAuthorizedException", CognitoErrorCode.NotAuthorized)]
    [InlineData("InvalidParameterException", CognitoErrorCode.InvalidParameter)]
    [InlineData("UserNotFoundException", CognitoErrorCode.UserNotFound)]
    [InlineData("LimitExceededException", CognitoErrorCode.LimitExceeded)]
    [InlineData("UnrecognizedClientException", CognitoErrorCode.UnrecognizedClient)]
    public async Task A_client_error_other_than_throttling_is_never_retried(string type, CognitoErrorCode code)
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Error(type, "refused"));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(code, error.Code);
        Assert.Single(fake.Requests);
        Assert.Equal(1, error.Attempts);
        Assert.False(error.EarlierAttemptMayHaveSucceeded);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_surfaces_as_a_throttled_error()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Throttled());
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoThrottledException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(CognitoErrorCode.TooManyRequests, error.Code);
        Assert.Equal(4, fake.Requests.Count);
        Assert.Equal(4, error.Attempts);
        Assert.False(error.EarlierAttemptMayHaveSucceeded);
        Assert.All(fake.Requests, r => Assert.True(r.Signature!.IsValid, r.Signature.Failure));
    }

    [Fact]
    public async Task A_server_error_that_outlasts_the_retries_surfaces_with_Cognitos_retry_hint()
    {
        var retryAfter = new Dictionary<string, string> { ["Retry-After"] = "7" };
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Error("InternalErrorException", "Internal error", 503, retryAfter));
        await using var services = TestClients.Create(fake.Address, overrides: new Dictionary<string, string?> { ["Cognito:MaxRetryAttempts"] = "0" });

        var error = await Assert.ThrowsAsync<CognitoServerErrorException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("InternalErrorException", error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Server_errors_on_every_attempt_surface_after_all_retries_as_possibly_carried_out()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Error("InternalErrorException", "Internal error", 500));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoServerErrorException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(4, fake.Requests.Count);
        Assert.Equal(4, error.Attempts);
        Assert.True(error.EarlierAttemptMayHaveSucceeded);
    }

    [Fact]
    public async Task Not_implemented_is_not_retried()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => new CognitoAnswer(501, ""));
        await using var services = TestClients.Create(fake.Address);

        await Assert.ThrowsAsync<CognitoServerErrorException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_hanging_endpoint_times_out_within_the_configured_total()
    {
        var total = TimeSpan.FromSeconds(1);
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Hanging);
        await using var services = TestClients.Create(fake.Address, overrides: new Dictionary<string, string?>
        {
            ["Cognito:AttemptTimeout"] = "00:00:00.300",
            ["Cognito:TotalTimeout"] = "00:00:01",
        });

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CognitoTimeoutException>(() => services.Client().AdminGetUserAsync(GetUser));
        watch.Stop();

        // A bound, not an exact time: the total timeout plus generous room for a loaded machine.
        Assert.True(watch.Elapsed < total + TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.True(error.Attempts >= 2, $"{error.Attempts} attempts: the attempt timeout should have led to a retry");
        Assert.True(error.EarlierAttemptMayHaveSucceeded);
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_surfaces_as_a_transport_error_after_the_retries()
    {
        await using var services = TestClients.Create(LoopbackPort.ClosedAddress());

        var error = await Assert.ThrowsAsync<CognitoTransportException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(4, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_cancelled_call_throws_OperationCanceledException_not_a_Cognito_error()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Hanging);
        await using var services = TestClients.Create(fake.Address);
        using var cancel = new CancellationTokenSource();

        var call = services.Client().AdminGetUserAsync(GetUser, cancel.Token);
        await WaitForAsync(() => fake.Requests.Count > 0);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    public static TheoryData<string, CognitoAnswer, bool> FirstAttemptsBeforeUsernameExists => new()
    {
        { "the first answer was lost (attempt timeout)", CognitoAnswer.Hanging, true },
        { "the first attempt got HTTP 500", CognitoAnswer.Error("InternalErrorException", "Internal error", 500), true },
        { "the first attempt was throttled (so not carried out)", CognitoAnswer.Throttled(), false },
    };

    [Theory]
    [MemberData(nameof(FirstAttemptsBeforeUsernameExists))]
    public async Task UsernameExists_on_a_retry_tells_whether_an_earlier_attempt_may_have_created_the_user(string first, CognitoAnswer firstAnswer, bool mayHaveSucceeded)
    {
        await using var fake = await CognitoFaultProxy.StartAsync(CognitoAnswer.Sequence(firstAnswer, CognitoAnswer.Error("UsernameExistsException", "An account with the given email already exists.")));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => services.Client().AdminCreateUserAsync(CreateUser));

        Assert.Equal(CognitoErrorCode.UsernameExists, error.Code);
        Assert.Equal(fake.Requests.Count, error.Attempts);
        Assert.Equal(2, error.Attempts);
        Assert.True(mayHaveSucceeded == error.EarlierAttemptMayHaveSucceeded, first);
    }

    [Fact]
    public async Task UsernameExists_on_the_first_attempt_is_a_plain_conflict()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Error("UsernameExistsException", "An account with the given email already exists."));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => services.Client().AdminCreateUserAsync(CreateUser));

        Assert.Equal(CognitoErrorCode.UsernameExists, error.Code);
        Assert.Equal(1, error.Attempts);
        Assert.False(error.EarlierAttemptMayHaveSucceeded);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (!condition())
        {
            await timer.WaitForNextTickAsync(deadline.Token);
        }
    }
}
