using CognitoFunctions.Tests.Fakes;
using System.Net;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Tests.Health;

public sealed class CognitoReachabilityTests
{
    private static readonly CallAttempts OneAttempt = new(1, false);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_pool_that_answers_is_healthy_and_the_verdict_is_reused_until_it_is_stale()
    {
        var cognito = Answering(new ScriptedCognito().OnDescribeUserPool(_ => Task.FromResult(new DescribeUserPoolResponse())));
        var reachability = Reachability(cognito);

        var first = await reachability.CheckAsync();
        _time.Advance(CognitoReachability.CacheFor - TimeSpan.FromMilliseconds(1));
        var reused = await reachability.CheckAsync();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var fresh = await reachability.CheckAsync();

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Null(first.Error);
        Assert.Same(first, reused);
        Assert.NotSame(first, fresh);
        Assert.Equal(_time.GetUtcNow(), fresh.CheckedAt);
        Assert.Equal((2, 2), (cognito.CountOf("DescribeUserPool"), cognito.CountOf("DescribeUserPoolClient")));
    }

    [Fact]
    public async Task Concurrent_probes_share_one_call()
    {
        var answer = new TaskCompletionSource<DescribeUserPoolResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cognito = Answering(new ScriptedCognito().OnDescribeUserPool(_ => answer.Task));
        var reachability = Reachability(cognito);

        var probes = Enumerable.Range(0, 20).Select(_ => reachability.CheckAsync()).ToList();
        answer.SetResult(new DescribeUserPoolResponse());
        var verdicts = await Task.WhenAll(probes);

        Assert.All(verdicts, v => Assert.Equal(HealthStatus.Healthy, v.Status));
        Assert.Equal(1, cognito.CountOf("DescribeUserPool"));
    }

    [Fact]
    public async Task A_call_that_hangs_is_abandoned_after_the_budget_as_unhealthy_timeout()
    {
        var cognito = new ScriptedCognito().OnDescribeUserPool(async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return new DescribeUserPoolResponse();
        });
        var reachability = Reachability(cognito);

        var pending = reachability.CheckAsync();
        while (cognito.CountOf("DescribeUserPool") == 0)
        {
            await Task.Yield();
        }

        Assert.False(pending.IsCompleted);
        _time.Advance(CognitoReachability.Budget);
        var verdict = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HealthStatus.Unhealthy, verdict.Status);
        Assert.Equal("timeout", verdict.Error);
        Assert.Equal((long)CognitoReachability.Budget.TotalMilliseconds, verdict.DurationMs);
    }

    public static TheoryData<Exception, string, string> Failures() => new()
    {
        { new CognitoThrottledException("DescribeUserPool", OneAttempt, HttpStatusCode.BadRequest, "TooManyRequestsException", "slow down", null, null), "Degraded", "throttled" },
        { new CognitoServerErrorException("DescribeUserPool", OneAttempt, HttpStatusCode.ServiceUnavailable, null, null, null, null), "Unhealthy", "unavailable" },
        { new CognitoTransportException("DescribeUserPool", OneAttempt, new HttpRequestException("refused")), "Unhealthy", "unavailable" },
        { new CognitoServiceException("DescribeUserPool", OneAttempt, HttpStatusCode.BadRequest, "ResourceNotFoundException", "no such pool", null), "Unhealthy", "user_pool_not_found" },
        { new CognitoServiceException("DescribeUserPool", OneAttempt, HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform", null), "Unhealthy", "access_denied" },
        { new CognitoServiceException("DescribeUserPool", OneAttempt, HttpStatusCode.BadRequest, "InvalidParameterException", "odd", null), "Unhealthy", "error" },
        { new CognitoProtocolException("DescribeUserPool", OneAttempt, HttpStatusCode.OK, "text/html", "not JSON"), "Unhealthy", "unexpected_answer" },
        { new CognitoCredentialsException("DescribeUserPool", OneAttempt, new AwsCredentialsUnavailableException("no credentials")), "Unhealthy", "credentials" },
        { new InvalidOperationException("a bug of the client's"), "Unhealthy", "error" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failure_is_reported_by_its_kind_alone(Exception failure, string status, string error)
    {
        var reachability = Reachability(new ScriptedCognito().OnDescribeUserPool(_ => Task.FromException<DescribeUserPoolResponse>(failure)));

        var verdict = await reachability.CheckAsync();

        Assert.Equal(Enum.Parse<HealthStatus>(status), verdict.Status);
        Assert.Equal(error, verdict.Error);
    }

    public static TheoryData<CognitoException, string> AppClientFailures() => new()
    {
        // What Cognito and cognito-local answer for a client id the pool does not have: a wrong Cognito__ClientId.
        { new CognitoServiceException("DescribeUserPoolClient", OneAttempt, HttpStatusCode.BadRequest, "ResourceNotFoundException", "User pool client does not exist.", null), "app_client_not_found" },
        // A role deployed before the app needed DescribeUserPoolClient.
        { new CognitoServiceException("DescribeUserPoolClient", OneAttempt, HttpStatusCode.BadRequest, "AccessDeniedException", "not authorized to perform", null), "access_denied" },
        { new CognitoTimeoutException("DescribeUserPoolClient", OneAttempt, null), "unavailable" },
    };

    [Theory]
    [MemberData(nameof(AppClientFailures))]
    public async Task A_pool_that_answers_is_unhealthy_when_the_app_client_check_fails_and_the_error_names_it(CognitoException failure, string error)
    {
        var cognito = new ScriptedCognito()
            .OnDescribeUserPool(_ => Task.FromResult(new DescribeUserPoolResponse()))
            .OnDescribeUserPoolClient(_ => Task.FromException<DescribeUserPoolClientResponse>(failure));

        var verdict = await Reachability(cognito).CheckAsync();

        Assert.Equal((HealthStatus.Unhealthy, error), (verdict.Status, verdict.Error));
        Assert.Equal(1, cognito.CountOf("DescribeUserPoolClient"));
    }

    [Fact]
    public async Task A_failed_verdict_is_reused_too_so_probes_cannot_hammer_a_failing_Cognito()
    {
        var cognito = new ScriptedCognito().OnDescribeUserPool(_ => Task.FromException<DescribeUserPoolResponse>(
            new CognitoServerErrorException("DescribeUserPool", OneAttempt, HttpStatusCode.InternalServerError, null, null, null, null)));
        var reachability = Reachability(cognito);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HealthStatus.Unhealthy, (await reachability.CheckAsync()).Status);
        }

        Assert.Equal(1, cognito.CountOf("DescribeUserPool"));
    }

    private static ScriptedCognito Answering(ScriptedCognito cognito) =>
        cognito.OnDescribeUserPoolClient(_ => Task.FromResult(new DescribeUserPoolClientResponse()));

    private CognitoReachability Reachability(ScriptedCognito cognito) => new(cognito, new UserPoolDescription(cognito, _time), _time, NullLogger<CognitoReachability>.Instance);
}
