using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CognitoFunctions.FunctionalTests.Accounts;
using CognitoFunctions.Testing.CognitoLocal;
using Microsoft.OpenApi;

namespace CognitoFunctions.FunctionalTests.Operations;

/// <summary>
/// <c>GET /api/openapi.json</c> against the running app: it reads as valid OpenAPI, and agrees with the functions the
/// worker indexed (functions.metadata), with what the middleware and the functions really answer, and with the README.
/// </summary>
[Collection(AccountApiTests.Name)]
public sealed partial class OpenApiDocumentTests(CognitoFunctionsAppFixture fixture, ITestOutputHelper output) : HostedTest(fixture, output)
{
    private static readonly string[] MiddlewareProblems =
        ["/problems/token-required", "/problems/invalid-authorization-header", "/problems/invalid-token", "/problems/insufficient-permissions", "/problems/authentication-unavailable"];

    [Fact]
    public async Task The_document_is_OpenAPI_3_1_that_the_reader_loads_without_errors_or_warnings()
    {
        using var response = await Client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
        var json = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Empty(read.Diagnostic.Warnings);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!);
        Assert.Equal("/", Assert.Single(read.Document!.Servers!).Url);
        var bearer = Assert.Single(read.Document.Components!.SecuritySchemes!).Value;
        Assert.Equal((SecuritySchemeType.Http, "bearer", "JWT"), (bearer.Type!.Value, bearer.Scheme, bearer.BearerFormat));
    }

    [Fact]
    public async Task Every_function_the_worker_indexed_is_documented_with_exactly_its_methods_and_nothing_else_is()
    {
        var contract = await OpenApiContract.LoadAsync(Client);
        var prefix = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "host.json")))!["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixture.AppDirectory, "functions.metadata")))!.AsArray();
        var functions = metadata
            .Select(f => (Name: f!["name"]!.GetValue<string>(), Trigger: f["bindings"]!.AsArray().SingleOrDefault(b => b!["type"]!.GetValue<string>() == "httpTrigger")))
            .Where(f => f.Trigger is not null)
            .SelectMany(f => f.Trigger!["methods"]!.AsArray().Select(m => (
                Method: m!.GetValue<string>().ToUpperInvariant(),
                Path: $"/{prefix}/{f.Trigger["route"]!.GetValue<string>()}",
                f.Name)))
            .ToList();

        var documented = contract.Operations.Select(o => (o.Method, o.Path)).Order().ToList();

        Assert.Equal(functions.Select(f => (f.Method, f.Path)).Order(), documented);
        Assert.Equal(metadata.Count, functions.Select(f => f.Name).Distinct().Count());
        Assert.All(functions, f => Assert.StartsWith(f.Name, contract.Operation(f.Method, f.Path).OperationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Operations_document_a_bearer_token_exactly_where_the_middleware_refuses_a_request_without_one()
    {
        var contract = await OpenApiContract.LoadAsync(Client);

        foreach (var (method, path, operation) in contract.Operations)
        {
            using var response = await SendAsync(method, path, bearer: null);
            var body = await response.Content.ReadAsStringAsync();

            if (OpenApiContract.IsProtected(operation))
            {
                await response.ProblemAsync(HttpStatusCode.Unauthorized, "/problems/token-required");
                Assert.Contains(response.StatusCode.ToString("D"), operation.Responses!.Keys);
            }
            else
            {
                Assert.False(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} is documented anonymous but answered 401: {body}");
                Assert.Contains(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), operation.Responses!.Keys);
            }
        }
    }

    [Fact]
    public async Task Operations_document_403_exactly_where_a_signed_in_user_outside_admin_can_be_refused()
    {
        var contract = await OpenApiContract.LoadAsync(Client);
        var user = await Client.SignedInUserAsync();
        string[] tokens = [user["idToken"]!.GetValue<string>(), user["accessToken"]!.GetValue<string>()];

        foreach (var (method, path, operation) in contract.Operations.Where(o => OpenApiContract.IsProtected(o.Operation)).OrderBy(o => o.Path.EndsWith("/logout", StringComparison.Ordinal)))
        {
            var refused = false;
            foreach (var token in tokens)
            {
                using var response = await SendAsync(method, path, token);
                refused |= response.StatusCode == HttpStatusCode.Forbidden;
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    await response.ProblemAsync(HttpStatusCode.Forbidden, "/problems/insufficient-permissions");
                }
            }

            var documented = operation.Responses!.ContainsKey("403");
            Assert.True(refused == documented, $"{method} {path}: refused with 403: {refused}; documents 403: {documented}");
        }
    }

    [Fact]
    public async Task Protected_operations_document_the_middlewares_401_and_503_and_anonymous_ones_none_of_its_problems()
    {
        var contract = await OpenApiContract.LoadAsync(Client);

        foreach (var (method, path, operation) in contract.Operations)
        {
            var problems = OpenApiContract.ProblemTypes(operation).ToList();
            if (OpenApiContract.IsProtected(operation))
            {
                Assert.Contains(("/problems/token-required", 401), problems);
                Assert.Contains(("/problems/invalid-authorization-header", 401), problems);
                Assert.Contains(("/problems/invalid-token", 401), problems);
                Assert.Contains(("/problems/authentication-unavailable", 503), problems);
            }
            else
            {
                Assert.DoesNotContain(problems, p => MiddlewareProblems.Contains(p.Type));
                Assert.True(!operation.Responses!.ContainsKey("401") || problems.Any(p => p.Status == 401), $"{method} {path} documents a 401 it never gives");
            }

            Assert.All(operation.Responses!.Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400 && path != "/api/health"), r =>
                Assert.True(r.Value.Content?.ContainsKey("application/problem+json"), $"{method} {path} {r.Key} is not problem details"));
            if (operation.RequestBody is not null)
            {
                Assert.Contains(("/problems/malformed-json", 400), problems);
                Assert.Contains(("/problems/payload-too-large", 413), problems);
                Assert.Contains(("/problems/unsupported-media-type", 415), problems);
            }
        }
    }

    [Fact]
    public async Task Request_schemas_carry_the_limits_validation_enforces()
    {
        var contract = await OpenApiContract.LoadAsync(Client);
        var signUp = contract.Operation("POST", "/api/user/signup").RequestBody!.Content!["application/json"].Schema!;

        Assert.Equal(["email", "password"], signUp.Required!.Order());
        Assert.Equal(("email", 254), (signUp.Properties!["email"].Format, signUp.Properties["email"].MaxLength));
        Assert.Equal((8, 256), (signUp.Properties["password"].MinLength, signUp.Properties["password"].MaxLength));

        // One character over each documented limit is refused with a field error naming the field.
        using var response = await Client.PostJsonAsync("/api/user/signup", new
        {
            email = new string('a', 243) + "@example.com",
            password = "Aa1!" + new string('x', 253),
        });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "/problems/validation");
        Assert.Equal(["email", "password"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Success_answers_pass_the_contract_check_of_the_client()
    {
        var email = AccountClient.NewEmail("contract");
        var checkedBefore = fixture.Contract.Checked;

        using var signUp = await Client.PostJsonAsync("/api/user/signup", new { email, password = AccountClient.Password });
        using var login = await Client.PostJsonAsync("/api/user/login", new { email, password = AccountClient.Password });
        var tokens = await login.JsonAsync();
        using var refresh = await Client.PostJsonAsync("/api/user/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() });
        using var me = await Client.GetAsync("/api/user/me", tokens["accessToken"]!.GetValue<string>());
        using var privateRoute = await Client.GetAsync("/api/user/private", tokens["idToken"]!.GetValue<string>());
        using var health = await Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var noToken = await Client.GetAsync(new Uri("/api/user/me", UriKind.Relative));

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized],
            new[] { signUp, login, refresh, me, privateRoute, health, noToken }.Select(r => r.StatusCode));
        Assert.Equal(checkedBefore + 7, fixture.Contract.Checked);
    }

    [Fact]
    public async Task Anonymous_operations_declare_an_empty_security_list_and_protected_ones_the_bearer_scheme()
    {
        var contract = await OpenApiContract.LoadAsync(Client);

        Assert.All(contract.Operations, o =>
        {
            var security = Assert.IsAssignableFrom<IList<OpenApiSecurityRequirement>>(o.Operation.Security);
            if (security.Count > 0)
            {
                Assert.Equal("bearer", Assert.Single(Assert.Single(security)).Key.Reference.Id);
            }
        });
        Assert.Contains(contract.Operations, o => o.Operation.Security!.Count == 0);
    }

    [Fact]
    public async Task Each_problem_response_names_its_types_fixes_their_status_and_discriminates_on_type()
    {
        var contract = await OpenApiContract.LoadAsync(Client);
        var everyType = contract.Document.Components!.Schemas!["ProblemType"].Enum!.Select(t => t!.GetValue<string>()).ToList();

        foreach (var (method, path, operation) in contract.Operations)
        {
            foreach (var (status, schema, response) in OpenApiContract.ProblemResponses(operation))
            {
                var variants = OpenApiContract.Variants(schema).ToList();
                var types = variants.Select(OpenApiContract.TypeOf).ToList();
                Assert.All(variants, v => Assert.Equal(status, Assert.Single(v.Properties!["status"].Enum!)!.GetValue<int>()));
                Assert.Subset(everyType.ToHashSet(), types.ToHashSet());
                if (variants.Count > 1)
                {
                    Assert.Equal("type", schema.Discriminator!.PropertyName);
                    Assert.Equal(types.Order(), schema.Discriminator.Mapping!.Keys.Order());
                }

                Assert.True(response.Headers!["Cache-Control"].Required, $"{method} {path} {status}: Cache-Control");
                if (status is 429 or 504)
                {
                    Assert.True(response.Headers["Retry-After"].Required, $"{method} {path} {status}: Retry-After");
                }

                // Members of their own only where they are sent.
                Assert.All(variants, v => Assert.Equal(OpenApiContract.TypeOf(v) == "/problems/validation", v.Required?.Contains("errors") == true));
                Assert.All(variants, v => Assert.Equal(
                    OpenApiContract.TypeOf(v) is "/problems/challenge-required" or "/problems/challenge-unsupported", v.Required?.Contains("challengeName") == true));
                Assert.All(variants, v => Assert.Equal(OpenApiContract.TypeOf(v) == "/problems/challenge-required", v.Required?.Contains("session") == true));
            }
        }

        Assert.Equal(everyType.Order(), contract.Operations.SelectMany(o => OpenApiContract.ProblemTypes(o.Operation)).Select(p => p.Type).Distinct().Order());
    }

    [Fact]
    public async Task The_READMEs_route_table_lists_exactly_the_documented_operations_and_their_access()
    {
        var contract = await OpenApiContract.LoadAsync(Client);
        var readme = HttpApiSection();
        var routes = new List<(string Method, string Path, bool Anonymous)>();
        foreach (var row in readme.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Contains("/api/", StringComparison.Ordinal)))
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            var words = Code().Matches(cells[1]).SelectMany(m => m.Groups[1].Value.Split(' ')).ToList();
            var path = words.Single(w => w.StartsWith("/api/", StringComparison.Ordinal)).Split('?')[0];
            routes.AddRange(words.Where(w => w.All(char.IsAsciiLetterUpper)).Select(m => (m, path, cells[2] == "anonymous")));
        }

        Assert.Equal(
            contract.Operations.Select(o => (o.Method, o.Path, !OpenApiContract.IsProtected(o.Operation))).Order(),
            routes.Order());
    }

    [Fact]
    public async Task The_READMEs_problem_types_are_the_documented_ones_with_the_same_statuses()
    {
        var contract = await OpenApiContract.LoadAsync(Client);
        var readme = HttpApiSection().Split('\n')
            .Select(l => ProblemRow().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        var documented = contract.Operations.SelectMany(o => OpenApiContract.ProblemTypes(o.Operation)).Distinct().Order().ToList();

        Assert.Equal(readme.Order(), documented);
    }

    private static string HttpApiSection()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("\n## The HTTP API\n", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..end];
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? bearer)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new ByteArrayContent([]);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Client.SendAsync(request);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"^\| `(/problems/[a-z-]+)` \| (\d{3}) \|")]
    private static partial Regex ProblemRow();
}
