using System.Net;

namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>Every refusal has an answer, and every answer can go into a quoted-string as it is.</summary>
public sealed class AuthenticationChallengeTests
{
    public static TheoryData<string> TokenFailures => new(Enum.GetNames<CognitoTokenFailure>().Where(n => n != nameof(CognitoTokenFailure.None)));

    [Theory]
    [MemberData(nameof(TokenFailures))]
    public void Every_token_failure_has_a_fixed_answer_safe_for_WWW_Authenticate(string name)
    {
        var failure = Enum.Parse<CognitoTokenFailure>(name);

        var challenge = AuthenticationChallenge.ForToken(failure, TimeSpan.FromSeconds(3));

        var expected = failure == CognitoTokenFailure.KeysUnavailable ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Unauthorized;
        Assert.Equal(expected, challenge.Status);
        Assert.DoesNotContain('"', challenge.Detail);
        Assert.DoesNotContain('\\', challenge.Detail);
        Assert.All(challenge.Detail, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void Every_outcome_has_its_own_tag()
    {
        var tags = Enum.GetValues<CognitoTokenFailure>().Select(OutcomeTags.Of)
            .Concat(Enum.GetValues<AuthOutcome>().Where(o => o is not (AuthOutcome.Valid or AuthOutcome.InvalidToken)).Select(OutcomeTags.Of))
            .ToList();

        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.Contains("bad_signature", tags);
        Assert.Contains("missing_kid", tags);
        Assert.Contains("wrong_issuer", tags);
        Assert.Equal("valid", OutcomeTags.Of(CognitoTokenFailure.None));
    }

    [Fact]
    public void A_realm_with_a_quote_is_escaped_in_the_challenge()
    {
        var challenge = AuthenticationChallenge.For(AuthOutcome.Missing);

        Assert.Equal("Bearer realm=\"my \\\"api\\\"\"", ProblemResponseWriter.WwwAuthenticate(challenge, "my \"api\""));
    }
}
