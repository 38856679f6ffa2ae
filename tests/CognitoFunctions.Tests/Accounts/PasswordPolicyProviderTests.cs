using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Tests.Accounts;

public sealed class PasswordPolicyProviderTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Concurrent_callers_share_one_read_of_the_pool()
    {
        var answer = new TaskCompletionSource<DescribeUserPoolResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cognito = new ScriptedCognito().OnDescribeUserPool(_ => answer.Task);
        int calls() => cognito.CountOf("DescribeUserPool");
        var provider = new PasswordPolicyProvider(new UserPoolDescription(cognito, _time), _time, NullLogger<PasswordPolicyProvider>.Instance);

        var readers = Enumerable.Range(0, 20).Select(_ => provider.GetAsync(CancellationToken.None)).ToList();
        answer.SetResult(new DescribeUserPoolResponse { UserPool = new UserPoolType { Policies = new UserPoolPolicyType { PasswordPolicy = new PasswordPolicyType { MinimumLength = 14 } } } });
        var policies = await Task.WhenAll(readers);

        Assert.Equal(1, calls());
        Assert.All(policies, p => Assert.Equal(14, p.MinimumLength));
        Assert.Equal(14, (await provider.GetAsync(CancellationToken.None)).MinimumLength);
        Assert.Equal(1, calls());
    }

    [Fact]
    public async Task A_failed_read_falls_back_to_the_defaults_and_the_policy_is_read_again_after_a_while()
    {
        var attempt = 0;
        var cognito = new ScriptedCognito().OnDescribeUserPool(
            _ => ++attempt == 1
                ? Task.FromException<DescribeUserPoolResponse>(new CognitoTransportException("DescribeUserPool", new CallAttempts(1, false), new HttpRequestException("refused")))
                : Task.FromResult(new DescribeUserPoolResponse { UserPool = new UserPoolType { Policies = new UserPoolPolicyType { PasswordPolicy = new PasswordPolicyType { MinimumLength = 12 } } } }));
        int calls() => cognito.CountOf("DescribeUserPool");
        var provider = new PasswordPolicyProvider(new UserPoolDescription(cognito, _time), _time, NullLogger<PasswordPolicyProvider>.Instance);

        var first = await provider.GetAsync(CancellationToken.None);
        var soonAfter = await provider.GetAsync(CancellationToken.None);
        _time.Advance(PasswordPolicyProvider.RetryAfterFailure);
        var later = await provider.GetAsync(CancellationToken.None);

        Assert.Equal(PasswordPolicy.Default, first);
        Assert.Equal(PasswordPolicy.Default, soonAfter);
        Assert.Equal(12, later.MinimumLength);
        Assert.Equal(2, calls());
    }

    [Fact]
    public async Task A_hanging_Cognito_costs_a_request_the_budget_at_most_and_then_nothing_until_the_retry()
    {
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cognito = new ScriptedCognito().OnDescribeUserPool(token =>
        {
            // Never answers; gives up only when the provider's budget cancels the call.
            var hanging = new TaskCompletionSource<DescribeUserPoolResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            token.Register(() => hanging.TrySetCanceled(token));
            called.SetResult();
            return hanging.Task;
        });
        var provider = new PasswordPolicyProvider(new UserPoolDescription(cognito, _time), _time, NullLogger<PasswordPolicyProvider>.Instance);

        var waiting = provider.GetAsync(CancellationToken.None);
        await called.Task;
        Assert.False(waiting.IsCompleted);
        _time.Advance(PasswordPolicyProvider.Budget);
        var policy = await waiting.WaitAsync(TimeSpan.FromSeconds(30)); // a bound on a regression, not a wait
        var next = provider.GetAsync(CancellationToken.None);

        Assert.Equal(PasswordPolicy.Default, policy);
        Assert.True(next.IsCompletedSuccessfully);
        Assert.Equal(1, cognito.CountOf("DescribeUserPool"));
    }
}
