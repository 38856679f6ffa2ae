using System.Net;
using System.Text.Json.Nodes;
using CognitoFunctions.Authentication.Tests.Support;
using CognitoFunctions.Http;
using CognitoFunctions.OpenApi;
using CognitoFunctions.Shared;

namespace CognitoFunctions.Tests.Http;

/// <summary>The app's problem answers, written by the writer the middleware uses too, as the OpenAPI document describes them.</summary>
public sealed class ProblemAnswerTests
{
    [Fact]
    public async Task A_validation_problem_has_the_common_members_then_its_errors_and_the_no_cache_headers()
    {
        var problem = Validation.Problem(new Dictionary<string, string[]> { ["email"] = ["Required."], ["password"] = ["Must contain a number.", "Must contain a symbol."] });

        var answer = await WriteAsync(problem);

        var body = JsonNode.Parse(answer.BodyText())!.AsObject();
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal([.. ProblemDetailsWriter.Members, "errors"], body.Select(m => m.Key));
        Assert.Equal("/api/user/signup", body["instance"]!.GetValue<string>());
        Assert.Equal(["Must contain a number.", "Must contain a symbol."], body["errors"]!["password"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(
            ("application/problem+json; charset=utf-8", "nosniff", "no-store", "no-cache", null),
            (answer.Header("Content-Type"), answer.Header("X-Content-Type-Options"), answer.Header("Cache-Control"), answer.Header("Pragma"), answer.Header("Retry-After")));
    }

    [Fact]
    public async Task A_temporary_problem_says_when_to_retry_and_a_challenge_names_itself()
    {
        var answer = await WriteAsync(new Problem(ProblemKind.ChallengeRequired, "Complete it.") { ChallengeName = "SMS_MFA", RetryAfterSeconds = 7 });

        var body = JsonNode.Parse(answer.BodyText())!.AsObject();
        Assert.Equal([.. ProblemDetailsWriter.Members, "challengeName"], body.Select(m => m.Key));
        Assert.Equal("SMS_MFA", body["challengeName"]!.GetValue<string>());
        Assert.Equal("7", answer.Header("Retry-After"));
    }

    [Fact]
    public void The_document_describes_the_members_the_writer_writes()
    {
        var schemas = OpenApiDocumentProvider.Build().Components!.Schemas!;

        Assert.Equal(ProblemDetailsWriter.Members.Order(StringComparer.Ordinal), schemas["ProblemDetails"].Required!.Order(StringComparer.Ordinal));
        Assert.Contains("errors", schemas["ValidationProblem"].Required!);
        Assert.Contains("challengeName", schemas["ChallengeRequiredProblem"].Required!);
    }

    private static async Task<FakeHttpResponseData> WriteAsync(Problem problem)
    {
        var definition = new FakeFunctionDefinition("CognitoFunctions.Endpoints.SignUp.SignUpFunction.RunAsync", typeof(ProblemAnswerTests).Assembly.Location, "SignUp");
        var request = new FakeHttpRequestData(new FakeFunctionContext(definition), "https://app.example.com/api/user/signup");
        return (FakeHttpResponseData)await request.ProblemAsync(problem);
    }
}
