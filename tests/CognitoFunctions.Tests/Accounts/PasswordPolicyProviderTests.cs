using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CognitoFunctions.Tests.Accounts;

public sealed class PasswordPolicyProviderTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_read_of_the_pool()
    {
        var answer = new TaskCompletionSource<DescribeUserPoolResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cognito = new ScriptedCognito().OnDescribeUserPool(_ => answer.Task);
        int calls() => cognito.CountOf("DescribeUserPool");
        var provider = new PasswordPolicyProvider(cognito, NullLogger<PasswordPolicyProvider>.Instance);

        var readers = Enumerable.Range(0, 20).Select(_ => provider.GetAsync(CancellationToken.None)).ToList();
        answer.SetResult(new DescribeUserPoolResponse { UserPool = new UserPoolType { Policies = new UserPoolPolicyType { PasswordPolicy = new PasswordPolicyType { MinimumLength = 14 } } } });
        var policies = await Task.WhenAll(readers);

        Assert.Equal(1, calls());
        Assert.All(policies, p => Assert.Equal(14, p.MinimumLength));
        Assert.Equal(14, (await provider.GetAsync(CancellationToken.None)).MinimumLength);
        Assert.Equal(1, calls());
    }

    [Fact]
    public async Task A_failed_read_falls_back_to_the_defaults_and_the_next_caller_reads_again()
    {
        var attempt = 0;
        var cognito = new ScriptedCognito().OnDescribeUserPool(
            _ => ++attempt == 1
                ? Task.FromException<DescribeUserPoolResponse>(new CognitoTransportException("DescribeUserPool", new CallAttempts(1, false), new HttpRequestException("refused")))
                : Task.FromResult(new DescribeUserPoolResponse { UserPool = new UserPoolType { Policies = new UserPoolPolicyType { PasswordPolicy = new PasswordPolicyType { MinimumLength = 12 } } } }));
        int calls() => cognito.CountOf("DescribeUserPool");
        var provider = new PasswordPolicyProvider(cognito, NullLogger<PasswordPolicyProvider>.Instance);

        var first = await provider.GetAsync(CancellationToken.None);
        var second = await provider.GetAsync(CancellationToken.None);

        Assert.Equal(PasswordPolicy.Default, first);
        Assert.Equal(12, second.MinimumLength);
        Assert.Equal(2, calls());
    }
}
