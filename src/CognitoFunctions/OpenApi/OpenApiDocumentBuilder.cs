using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.1 document from the functions' attributes and the <see cref="ApiOperation"/>s their classes
/// declare (<see cref="IDescribedFunctions"/>). Every HTTP
/// function must have an entry and every entry a function, or building fails: the document cannot silently leave a
/// route out. The error answers are derived: the middleware's on protected functions, the body reader's where a JSON
/// body is read, Cognito's where Cognito is called, the function's own, and the internal error any of them can give.
/// Each is declared as it is sent: its problem types (<see cref="ProblemSchemas"/>) and its headers.
/// </summary>
internal static class OpenApiDocumentBuilder
{
    /// <summary>The host's default route prefix; host.json sets it explicitly to the same.</summary>
    public const string RoutePrefix = "api";

    public const string BearerScheme = "bearer";

    private const string ProblemJson = "application/problem+json";
    private const string Json = "application/json";
    private const string CacheControl = "Cache-Control";

    // The problems each source can answer with: where a new kind of problem is declared.
    private static readonly ProblemKind[] BodyProblems =
        [ProblemKind.Validation, ProblemKind.MalformedJson, ProblemKind.LengthRequired, ProblemKind.PayloadTooLarge, ProblemKind.UnsupportedMediaType];
    private static readonly ProblemKind[] CognitoProblems = [ProblemKind.TooManyRequests, ProblemKind.UpstreamError, ProblemKind.ServiceUnavailable];
    private static readonly ProblemKind[] EveryOperationProblems = [ProblemKind.InternalError];

    public static OpenApiDocument Build(IReadOnlyList<HttpFunction> functions, IReadOnlyList<ApiOperation> operations)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "CognitoFunctions",
                Version = "1.0.0",
                Description = "Accounts on an Amazon Cognito user pool, behind Azure Functions. Errors are RFC 9457 problem details "
                    + "whose `type` is stable (`ProblemType` lists them); tokens are Cognito ID or access tokens sent as `Authorization: Bearer <jwt>`.",
                License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            },
            Servers = [new OpenApiServer { Url = "/" }],
            Paths = [],
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
                {
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "JWT",
                        Description = "A Cognito ID or access token of a trusted pool and app client (RS256, checked against the pool's JWKS).",
                    },
                },
            },
            Tags = new HashSet<OpenApiTag>(),
        };
        var schemas = new SchemaGenerator(document);
        var problems = new ProblemSchemas(document, schemas);

        var described = operations.ToDictionary(o => o.Function, StringComparer.Ordinal);
        foreach (var function in functions.OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            if (!described.Remove(function.Name, out var operation))
            {
                throw new InvalidOperationException($"Function {function.Name} has no entry: describe it in the Operations of its class (IDescribedFunctions).");
            }

            var path = $"/{RoutePrefix}/{function.Route}";
            if (document.Paths.ContainsKey(path))
            {
                throw new InvalidOperationException($"Two functions serve {path}.");
            }

            var item = new OpenApiPathItem();
            var requestBody = operation.Body is { } body ? RequestBody(body, schemas) : null;
            foreach (var method in function.Methods)
            {
                var operationId = function.Methods.Count == 1 ? function.Name : function.Name + method[0] + method[1..].ToLowerInvariant();
                item.AddOperation(HttpMethod.Parse(method), Operation(function, operation, operationId, requestBody, schemas, problems, document));
            }

            document.Paths[path] = item;
            document.Tags.Add(new OpenApiTag { Name = operation.Tag.Name, Description = operation.Tag.Description });
        }

        if (described.Count > 0)
        {
            throw new InvalidOperationException($"Operations are described for functions that do not exist: {string.Join(", ", described.Keys)}.");
        }

        problems.Complete();

        // References resolve through the document's workspace, which knows the components only once registered.
        document.RegisterComponents();
        return document;
    }

    private static OpenApiOperation Operation(
        HttpFunction function, ApiOperation operation, string operationId, OpenApiRequestBody? requestBody, SchemaGenerator schemas, ProblemSchemas problemSchemas, OpenApiDocument document)
    {
        var result = new OpenApiOperation
        {
            OperationId = operationId,
            Summary = operation.Summary,
            Description = Join(operation.Description, Access(function)),
            Tags = new HashSet<OpenApiTagReference> { new(operation.Tag.Name, document) },
            RequestBody = requestBody,
            Parameters = [.. operation.Query.Select(q => (IOpenApiParameter)new OpenApiParameter { Name = q.Name, In = ParameterLocation.Query, Description = q.Description, Schema = q.Schema })],
            Responses = [],
        };
        // An empty list says "no token" explicitly, rather than leaving the reader to guess.
        result.Security = function.Policy.AllowsAnonymous ? [] : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

        var responses = new SortedDictionary<int, IOpenApiResponse>();
        foreach (var response in operation.Responses)
        {
            responses.Add((int)response.Status, Answer(response, schemas));
        }

        foreach (var problems in Problems(function, operation).GroupBy(p => p.Status))
        {
            if (!responses.TryAdd((int)problems.Key, ProblemAnswer([.. problems], problemSchemas)))
            {
                throw new InvalidOperationException($"Function {function.Name} answers {(int)problems.Key} both with a body of its own and with problems.");
            }
        }

        foreach (var (status, response) in responses)
        {
            result.Responses[status.ToString(CultureInfo.InvariantCulture)] = response;
        }

        return result;
    }

    private static IEnumerable<ProblemKind> Problems(HttpFunction function, ApiOperation operation)
    {
        var problems = function.Policy.Problems.Select(ProblemSchemas.Kind);

        if (operation.Body is not null)
        {
            problems = problems.Concat(BodyProblems);
        }

        if (operation.CallsCognito)
        {
            problems = problems.Concat(CognitoProblems);
        }

        return problems.Concat(operation.Problems).Concat(EveryOperationProblems).Distinct();
    }

    private static OpenApiRequestBody RequestBody(IRequestBody body, SchemaGenerator schemas) => new()
    {
        Required = !body.Optional,
        Description = $"JSON (UTF-8) of at most {JsonBodyReader.MaxBodyBytes / 1024} KiB, sent with a Content-Length. Unknown fields are ignored; a repeated field is malformed."
            + (body.Optional ? " May be empty." : ""),
        Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal) { [Json] = new OpenApiMediaType { Schema = schemas.Request(body) } },
    };

    private static OpenApiResponse Answer(ApiResponse response, SchemaGenerator schemas)
    {
        var answer = new OpenApiResponse { Description = response.Description };
        var schema = response.Body is { } body ? schemas.Response(body)
            : response.AnyJsonObject ? new OpenApiSchema { Type = JsonSchemaType.Object }
            : null;
        if (schema is not null)
        {
            answer.Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal) { [Json] = new OpenApiMediaType { Schema = schema } };
        }

        if (response.NoStore)
        {
            answer.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal) { [CacheControl] = NoStore() };
        }

        return answer;
    }

    private static OpenApiResponse ProblemAnswer(IReadOnlyList<ProblemKind> problems, ProblemSchemas schemas)
    {
        var description = new StringBuilder("Problem details; `type` is one of:");
        foreach (var problem in problems)
        {
            description.Append(CultureInfo.InvariantCulture, $" `{problem.Type}` ({problem.Title.TrimEnd('.')}),");
        }

        description.Length--;
        description.Append('.');
        var answer = new OpenApiResponse
        {
            Description = description.ToString(),
            Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal) { [ProblemJson] = new OpenApiMediaType { Schema = schemas.Answer(problems) } },
            Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal) { [CacheControl] = NoStore() },
        };
        // A header that some of the problems of this status carry is declared; it is required when all carry it.
        if (problems.Any(ProblemSchemas.SendsChallenge))
        {
            answer.Headers["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = "On the middleware's refusals: `Bearer realm=\"...\"`, with `error` and `error_description` when a token was sent.",
                Required = problems.All(ProblemSchemas.SendsChallenge),
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        if (problems.Any(ProblemSchemas.SendsRetryAfter))
        {
            answer.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Required = problems.All(ProblemSchemas.SendsRetryAfter),
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            };
        }

        return answer;
    }

    private static OpenApiHeader NoStore() => new()
    {
        Description = "`no-store`: the answer is never cached.",
        Required = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("no-store")] },
    };

    private static string Access(HttpFunction function)
    {
        if (function.Policy.AllowsAnonymous)
        {
            return "Anonymous: no token is needed, and one sent is not checked.";
        }

        var rules = function.Policy.Requirements.SelectMany(Describe).ToList();
        return rules.Count == 0 ? "Requires a valid ID or access token." : $"Requires a valid token: {string.Join("; ", rules)}.";
    }

    private static IEnumerable<string> Describe(CognitoTokenRequirement requirement)
    {
        if (requirement.TokenUse != CognitoTokenUse.Any)
        {
            yield return requirement.TokenUse == CognitoTokenUse.Access ? "an access token" : "an ID token";
        }

        if (requirement.Groups is { Count: > 0 } groups)
        {
            yield return $"of a user in group {string.Join(" or ", groups.Select(g => $"`{g}`"))}";
        }

        if (requirement.Scopes is { Count: > 0 } scopes)
        {
            yield return $"with scope {string.Join(" or ", scopes.Select(s => $"`{s}`"))}";
        }
    }

    private static string Join(string? first, string second) => first is null ? second : $"{first} {second}";
}
