using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CognitoFunctions.FunctionalTests.Accounts;

namespace CognitoFunctions.FunctionalTests.Contract;

/// <summary>
/// The check of every answer against the OpenAPI document: it runs on the answers of the fixture's client, lets a
/// real answer through, and refuses that answer once any part of it strays from the document.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed class ContractCheckTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private const string LogIn = "/api/user/login";

    public static TheoryData<string, string, Func<CannedAnswer, CannedAnswer>> Strayed => new()
    {
        { "an errors member on a problem that has none", "/errors (#/components/schemas/MalformedJsonProblem/unevaluatedProperties)", a => a with { Body = With(a.Body, "errors", new JsonObject { ["email"] = new JsonArray("bad") }) } },
        { "a validation problem without errors", "Required properties [\"errors\"]", a => a with { Body = With(a.Body, "type", "/problems/validation") } },
        { "a problem type the status does not carry", "/type (#/components/schemas/MalformedJsonProblem/properties/type)", a => a with { Body = With(a.Body, "type", "/problems/invalid-code") } },
        { "a status in the body other than the answer's", "/status (#/components/schemas/MalformedJsonProblem/properties/status)", a => a with { Body = With(a.Body, "status", 422) } },
        { "a member the document does not declare", "/hint (#/components/schemas/MalformedJsonProblem/unevaluatedProperties)", a => a with { Body = With(a.Body, "hint", "x") } },
        { "a required member missing", "Required properties [\"traceId\"]", a => a with { Body = Without(a.Body, "traceId") } },
        { "a status the operation does not declare", "declares no 422 answer", a => a with { Status = HttpStatusCode.UnprocessableEntity } },
        { "another content type", "Content-Type application/json is not among", a => a with { MediaType = "application/json" } },
        { "no body", "the body is not JSON", a => a with { Body = null } },
        { "no Cache-Control", "header Cache-Control is required and missing", a => a with { Headers = [] } },
        { "a 429 without Retry-After", "header Retry-After is required and missing", a => a with { Status = HttpStatusCode.TooManyRequests, Body = With(With(a.Body, "type", "/problems/too-many-requests"), "status", 429) } },
        { "a Retry-After that is not a number of seconds", "header Retry-After: Wed, 21 Oct 2026 07:28:00 GMT does not match", a => a with
            {
                Status = HttpStatusCode.TooManyRequests,
                Body = With(With(a.Body, "type", "/problems/too-many-requests"), "status", 429),
                Headers = [.. a.Headers, ("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")],
            }
        },
    };

    [Fact]
    public async Task Every_answer_of_the_fixtures_client_is_checked()
    {
        var before = fixture.Contract.Checked;

        using var response = await Client.PostAsync(new Uri(LogIn, UriKind.Relative), Json("{"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before + 1, fixture.Contract.Checked);
        Assert.Equal(("POST", LogIn, 400), fixture.Contract.Last);
    }

    [Fact]
    public async Task A_real_answer_passes_and_so_does_a_429_with_its_Retry_After()
    {
        var real = await RealMalformedJsonAnswerAsync();
        var throttled = real with
        {
            Status = HttpStatusCode.TooManyRequests,
            Body = With(With(real.Body, "type", "/problems/too-many-requests"), "status", 429),
            Headers = [.. real.Headers, ("Retry-After", "60")],
        };

        using var client = CheckedClient(real);
        using var response = await client.PostAsync(new Uri(LogIn, UriKind.Relative), Json("{"));
        using var throttledClient = CheckedClient(throttled);
        using var throttledResponse = await throttledClient.PostAsync(new Uri(LogIn, UriKind.Relative), Json("{"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttledResponse.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Strayed))]
    public async Task An_answer_that_strays_from_the_document_fails_the_check(string how, string why, Func<CannedAnswer, CannedAnswer> stray)
    {
        ArgumentNullException.ThrowIfNull(stray);
        var answer = stray(await RealMalformedJsonAnswerAsync());
        using var client = CheckedClient(answer);

        var error = await Assert.ThrowsAsync<ContractViolationException>(() => client.PostAsync(new Uri(LogIn, UriKind.Relative), Json("{")));

        Output.WriteLine($"{how}: {error.Message}");
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undocumented_route_may_only_meet_the_hosts_empty_404()
    {
        var real = await RealMalformedJsonAnswerAsync();
        using var hostNotFound = CheckedClient(new CannedAnswer(HttpStatusCode.NotFound, null, null, []));
        using var answered = CheckedClient(real with { Status = HttpStatusCode.OK });

        using var notFound = await hostNotFound.GetAsync(new Uri("/api/no-such-route", UriKind.Relative));
        await Assert.ThrowsAsync<ContractViolationException>(() => answered.GetAsync(new Uri("/api/no-such-route", UriKind.Relative)));
        await Assert.ThrowsAsync<ContractViolationException>(() => answered.GetAsync(new Uri(LogIn, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    /// <summary>The app's own answer to a login whose body is not JSON, as sent.</summary>
    private async Task<CannedAnswer> RealMalformedJsonAnswerAsync()
    {
        using var response = await Client.PostAsync(new Uri(LogIn, UriKind.Relative), Json("{"));
        await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/malformed-json");
        var headers = response.Headers.Select(h => (h.Key, string.Join(", ", h.Value))).ToList();
        return new CannedAnswer(response.StatusCode, response.Content.Headers.ContentType!.ToString(), JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), headers);
    }

    /// <summary>A client whose answers are checked against the app's document but come from <paramref name="answer"/>.</summary>
    private HttpClient CheckedClient(CannedAnswer answer) =>
        new(new ContractCheck(fixture.Contract.Document!) { InnerHandler = new CannedHandler(answer) }) { BaseAddress = Client.BaseAddress };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static JsonObject With(JsonObject? body, string name, JsonNode value)
    {
        var copy = body!.DeepClone().AsObject();
        copy[name] = value;
        return copy;
    }

    private static JsonObject Without(JsonObject? body, string name)
    {
        var copy = body!.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }

    /// <summary>An answer to give instead of the app's.</summary>
    public sealed record CannedAnswer(HttpStatusCode Status, string? MediaType, JsonObject? Body, IReadOnlyList<(string Name, string Value)> Headers);

    private sealed class CannedHandler(CannedAnswer answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(answer.Status) { RequestMessage = request };
            if (answer.Body is not null)
            {
                response.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(answer.Body.ToJsonString()));
            }

            if (answer.MediaType is not null)
            {
                response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.MediaType);
            }

            foreach (var (name, value) in answer.Headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        }
    }
}
