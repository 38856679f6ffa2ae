using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Health;
using CognitoFunctions.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Tests.Health;

/// <summary>The health check and the password policy read one pool description: one DescribeUserPool serves both.</summary>
public sealed class SharedPoolDescriptionTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly TaskCompletionSource<DescribeUserPoolResponse> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ScriptedCognito _cognito;
    private readonly CognitoReachability _health;
    private readonly PasswordPolicyProvider _policy;

    public SharedPoolDescriptionTests()
    {
        _cognito = new ScriptedCognito()
            .OnDescribeUserPool(_ => _answer.Task)
            .OnDescribeUserPoolClient(_ => Task.FromResult(new DescribeUserPoolClientResponse()));
        var pool = new UserPoolDescription(_cognito, _time);
        _health = new CognitoReachability(_cognito, pool, _time, NullLogger<CognitoReachability>.Instance);
        _policy = new PasswordPolicyProvider(pool, _time, NullLogger<PasswordPolicyProvider>.Instance);
    }

    [Fact]
    public async Task A_health_check_and_a_password_policy_read_at_the_same_time_make_one_call()
    {
        var check = _health.CheckAsync();
        var policy = _policy.GetAsync(CancellationToken.None);
        _answer.SetResult(PoolWithMinimumLength(11));

        Assert.Equal(HealthStatus.Healthy, (await check).Status);
        Assert.Equal(11, (await policy).MinimumLength);
        Assert.Equal(1, _cognito.CountOf("DescribeUserPool"));
    }

    [Fact]
    public async Task The_policy_is_read_from_the_description_a_health_check_fetched()
    {
        _answer.SetResult(PoolWithMinimumLength(13));

        await _health.CheckAsync();
        _time.Advance(TimeSpan.FromHours(1));
        var policy = await _policy.GetAsync(CancellationToken.None);

        Assert.Equal(13, policy.MinimumLength);
        Assert.Equal(1, _cognito.CountOf("DescribeUserPool"));
    }

    [Fact]
    public async Task A_health_check_asks_Cognito_itself_even_right_after_the_policy_read_so_an_outage_shows_at_once()
    {
        _answer.SetResult(PoolWithMinimumLength(9));

        await _policy.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var verdict = await _health.CheckAsync();

        Assert.Equal(HealthStatus.Healthy, verdict.Status);
        Assert.Equal(2, _cognito.CountOf("DescribeUserPool"));
        Assert.Equal(1, _cognito.CountOf("DescribeUserPoolClient"));
    }

    private static DescribeUserPoolResponse PoolWithMinimumLength(int length) =>
        new() { UserPool = new UserPoolType { Policies = new UserPoolPolicyType { PasswordPolicy = new PasswordPolicyType { MinimumLength = length } } } };
}
