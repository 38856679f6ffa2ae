using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Http;
using CognitoFunctions.Tests.Accounts;

namespace CognitoFunctions.Tests.Http;

/// <summary>
/// Every kind of account failure has an HTTP answer of its own: the compiler sees to it that each kind has a method in
/// <see cref="AccountProblems"/>, and these tests that no kind borrows another's answer or falls back to a 502.
/// </summary>
public sealed class AccountProblemsTests
{
    [Fact]
    public void Every_failure_kind_is_declared_in_the_closed_hierarchy()
    {
        var outside = typeof(AccountFailure).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(AccountFailure)) && type.DeclaringType != typeof(AccountFailure));

        Assert.Empty(outside);
        Assert.All(AccountFailureSamples.Kinds(), kind => Assert.True(kind.IsSealed, kind.Name));
        Assert.Contains(typeof(AccountFailure.EmailTaken), AccountFailureSamples.Kinds());
        Assert.Contains(typeof(AccountFailure.UpstreamError), AccountFailureSamples.Kinds());
    }

    [Fact]
    public void Every_failure_kind_has_an_answer_of_its_own_and_only_an_upstream_error_is_a_502()
    {
        var answers = AccountFailureSamples.OnePerKind().ToDictionary(failure => failure.GetType().Name, failure => failure.ToProblem());

        Assert.All(answers, answer =>
        {
            Assert.StartsWith("/problems/", answer.Value.Kind.Type, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(answer.Value.Detail), answer.Key);
            Assert.Equal(answer.Key == nameof(AccountFailure.UpstreamError), answer.Value.Status == HttpStatusCode.BadGateway);
        });
        Assert.Equal(answers.Count, answers.Values.Select(problem => (problem.Kind.Type, problem.Detail)).Distinct().Count());
    }

    [Fact]
    public void The_answers_carry_what_their_failure_carries()
    {
        var challenge = new AccountFailure.ChallengeRequired(new LogInChallenge("NEW_PASSWORD_REQUIRED", "ls1.abc", ["newPassword"])).ToProblem();
        var unsupported = new AccountFailure.ChallengeUnsupported("CUSTOM_CHALLENGE").ToProblem();
        var rejected = new AccountFailure.FieldRejected("newPassword", "Choose another.").ToProblem();
        var throttled = new AccountFailure.Throttled(TimeSpan.FromSeconds(2.5)).ToProblem();

        Assert.Equal((HttpStatusCode.Forbidden, "NEW_PASSWORD_REQUIRED", "ls1.abc"), (challenge.Status, challenge.Challenge!.Name, challenge.Challenge.Session));
        Assert.Contains("`newPassword`", challenge.Detail, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, "CUSTOM_CHALLENGE"), (unsupported.Status, unsupported.ChallengeName));
        Assert.Equal(["Choose another."], rejected.Errors!["newPassword"]);
        Assert.Equal((HttpStatusCode.TooManyRequests, 3), (throttled.Status, throttled.RetryAfterSeconds));
        Assert.Equal(60, new AccountFailure.LimitExceeded().ToProblem().RetryAfterSeconds);
        Assert.Equal(1, new AccountFailure.Unavailable(RetryAfter: null).ToProblem().RetryAfterSeconds);
    }
}
