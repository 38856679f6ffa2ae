using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.Authentication.Tests.Support;

namespace CognitoFunctions.Authentication.Tests.Middleware;

/// <summary>
/// What the package tells an app about its answers (<see cref="CognitoAuthenticationProblem"/>) and about each
/// function (<see cref="CognitoFunctionPolicy"/>) is what the middleware really does.
/// </summary>
public sealed class PublicContractTests
{
    public static TheoryData<string> Refusals => new(
        Enum.GetNames<AuthOutcome>().Where(n => n is not (nameof(AuthOutcome.Valid) or nameof(AuthOutcome.InvalidToken)))
            .Concat(Enum.GetNames<CognitoTokenFailure>().Where(n => n != nameof(CognitoTokenFailure.None)).Select(n => $"token:{n}")));

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_refusal_is_written_as_a_published_problem_with_its_status_title_and_headers(string refusal)
    {
        var challenge = refusal.StartsWith("token:", StringComparison.Ordinal)
            ? AuthenticationChallenge.ForToken(Enum.Parse<CognitoTokenFailure>(refusal[6..]), TimeSpan.FromSeconds(2.5))
            : AuthenticationChallenge.For(Enum.Parse<AuthOutcome>(refusal));
        var context = new FakeFunctionContext(FakeFunctionDefinition.For<SampleFunctions>(nameof(SampleFunctions.Private)));

        var response = (FakeHttpResponseData)await ProblemResponseWriter.WriteAsync(new FakeHttpRequestData(context), challenge, "cognito", "trace-1", default);

        var problem = Assert.Single(CognitoAuthenticationProblem.All, p => p == challenge.Problem);
        var body = JsonNode.Parse(response.BodyText())!;
        Assert.Equal(problem.Status, response.StatusCode);
        Assert.Equal((problem.Type, problem.Title, (int)problem.Status), (body["type"]!.GetValue<string>(), body["title"]!.GetValue<string>(), body["status"]!.GetValue<int>()));
        Assert.Equal(problem.SendsChallenge, response.Header("WWW-Authenticate") is not null);
        // A token's 503 waits for the keys' next fetch (2.5 s here); a failed application check and a Cognito that
        // could not say whether the token was revoked always say 5 s.
        var fixedRetry = refusal is nameof(AuthOutcome.CheckFailed) or nameof(AuthOutcome.RevocationUnavailable);
        Assert.Equal(problem.SendsRetryAfter ? (fixedRetry ? "5" : "3") : null, response.Header("Retry-After"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public void The_published_problems_have_distinct_types()
    {
        Assert.Equal(5, CognitoAuthenticationProblem.All.Select(p => p.Type).Distinct().Count());
        Assert.All(CognitoAuthenticationProblem.All, p => Assert.StartsWith("/problems/", p.Type, StringComparison.Ordinal));
    }

    [Fact]
    public void An_anonymous_function_answers_none_of_the_middlewares_problems()
    {
        var policy = CognitoFunctionPolicy.For(typeof(SampleFunctions).GetMethod(nameof(SampleFunctions.Login))!);

        Assert.True(policy.AllowsAnonymous);
        Assert.Empty(policy.Problems);
    }

    [Fact]
    public void A_function_any_valid_token_opens_cannot_answer_403()
    {
        var policy = CognitoFunctionPolicy.For(typeof(SampleFunctions).GetMethod(nameof(SampleFunctions.Private))!);

        Assert.Equal(
            [CognitoAuthenticationProblem.TokenRequired, CognitoAuthenticationProblem.InvalidAuthorizationHeader, CognitoAuthenticationProblem.InvalidToken, CognitoAuthenticationProblem.AuthenticationUnavailable],
            policy.Problems);
    }

    [Theory]
    [InlineData(nameof(SampleFunctions.AccessOnly))]
    [InlineData(nameof(SampleFunctions.Admins))]
    [InlineData(nameof(SampleFunctions.WriteOrders))]
    public void A_function_with_a_token_use_group_or_scope_can_answer_403(string method)
    {
        var policy = CognitoFunctionPolicy.For(typeof(SampleFunctions).GetMethod(method)!);

        Assert.Contains(CognitoAuthenticationProblem.InsufficientPermissions, policy.Problems);
        Assert.True(Assert.Single(policy.Requirements).CanForbid);
    }

    [Fact]
    public void A_class_requirement_is_resolved_for_its_methods_as_the_middleware_enforces_it()
    {
        var policy = CognitoFunctionPolicy.For(typeof(DerivedEditorFunctions).GetMethod(nameof(DerivedEditorFunctions.Publish))!);

        Assert.False(policy.AllowsAnonymous);
        Assert.Equal(["editors"], Assert.Single(policy.Requirements).Groups);
        Assert.Equal(HttpStatusCode.Forbidden, policy.Problems[^1].Status);
    }
}
