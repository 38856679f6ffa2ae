using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CognitoFunctions.Shared;
using Microsoft.OpenApi;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// The problem details of the document, as the app and the middleware write them: <c>ProblemDetails</c> with the
/// members every problem has; one schema per problem kind (<c>ValidationProblem</c>, …) that fixes its <c>type</c> and
/// <c>status</c>, adds the member of its own where it has one and allows no other; and <c>ProblemType</c>, every type
/// the document names. A response that can carry several kinds is a <c>oneOf</c> of theirs with a discriminator on
/// <c>type</c>, so a generated client can switch on it.
/// </summary>
internal sealed class ProblemSchemas
{
    public const string ProblemDetails = "ProblemDetails";
    public const string ProblemType = "ProblemType";

    /// <summary>The members the app writes only for one kind, with that kind.</summary>
    private static readonly IReadOnlyList<OwnMember> OwnMembers = HttpResponses.OwnMembers;

    /// <summary>The kinds whose answers always carry <c>Retry-After</c> (in seconds): the app's, and the middleware's.</summary>
    private static readonly HashSet<ProblemKind> WithRetryAfter =
    [
        ProblemKind.TooManyRequests, ProblemKind.ServiceUnavailable, ProblemKind.OutcomeUnknown,
        .. CognitoAuthenticationProblem.All.Where(p => p.SendsRetryAfter).Select(Kind),
    ];

    /// <summary>The kinds whose answers carry <c>WWW-Authenticate</c>: the middleware's refusals.</summary>
    private static readonly HashSet<ProblemKind> WithChallenge = [.. CognitoAuthenticationProblem.All.Where(p => p.SendsChallenge).Select(Kind)];

    private readonly OpenApiDocument _document;
    private readonly SchemaGenerator _schemas;
    private readonly SortedSet<string> _types = new(StringComparer.Ordinal);
    private readonly OpenApiSchema _typeSchema = new() { Type = JsonSchemaType.String, Description = "Every problem type this API answers with: a stable relative URI." };

    public ProblemSchemas(OpenApiDocument document, SchemaGenerator schemas)
    {
        _document = document;
        _schemas = schemas;
        var common = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. `traceId` is the W3C trace id of the request (else its invocation id).",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new SortedSet<string>(StringComparer.Ordinal),
        };
        foreach (var member in ProblemDetailsWriter.Members)
        {
            common.Properties[member] = member switch
            {
                "type" => new OpenApiSchemaReference(ProblemType, document),
                "status" => schemas.Property(typeof(int)),
                _ => schemas.Property(typeof(string)),
            };
            common.Required.Add(member);
        }

        Components[ProblemDetails] = common;
        Components[ProblemType] = _typeSchema;
    }

    private IDictionary<string, IOpenApiSchema> Components => _document.Components!.Schemas!;

    public static bool SendsRetryAfter(ProblemKind kind) => WithRetryAfter.Contains(kind);

    public static bool SendsChallenge(ProblemKind kind) => WithChallenge.Contains(kind);

    /// <summary>A problem of the middleware, as the document names problems.</summary>
    public static ProblemKind Kind(CognitoAuthenticationProblem problem) => new(problem.Type, problem.Title, problem.Status);

    /// <summary>The schema of an answer that is one of <paramref name="kinds"/> (all of one status).</summary>
    public IOpenApiSchema Answer(IReadOnlyList<ProblemKind> kinds)
    {
        if (kinds.Count == 1)
        {
            return Of(kinds[0]);
        }

        return new OpenApiSchema
        {
            OneOf = [.. kinds.Select(Of)],
            Discriminator = new OpenApiDiscriminator
            {
                PropertyName = "type",
                Mapping = kinds.ToDictionary(k => k.Type, k => new OpenApiSchemaReference(Name(k), _document), StringComparer.Ordinal),
            },
        };
    }

    /// <summary>Lists in <c>ProblemType</c> every type the document named; call once every operation is built.</summary>
    public void Complete() => _typeSchema.Enum = [.. _types.Select(t => (JsonNode)JsonValue.Create(t))];

    private OpenApiSchemaReference Of(ProblemKind kind)
    {
        var name = Name(kind);
        if (!Components.ContainsKey(name))
        {
            _types.Add(kind.Type);
            var schema = new OpenApiSchema
            {
                Description = $"`{kind.Type}`: {kind.Title}",
                AllOf = [new OpenApiSchemaReference(ProblemDetails, _document)],
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(kind.Type)] },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Enum = [JsonValue.Create((int)kind.Status)] },
                },
                Required = new SortedSet<string>(StringComparer.Ordinal),
                UnevaluatedProperties = false,
            };
            foreach (var member in OwnMembers.Where(m => m.Kind == kind))
            {
                var property = _schemas.Property(member.Type);
                if (member.Description is { } description && property is OpenApiSchema described)
                {
                    described.Description = description;
                }

                schema.Properties[member.Name] = property;
                if (member.Always)
                {
                    schema.Required.Add(member.Name);
                }
            }

            Components[name] = schema;
        }

        return new OpenApiSchemaReference(name, _document);
    }

    /// <summary><c>/problems/malformed-json</c> → <c>MalformedJsonProblem</c>.</summary>
    private static string Name(ProblemKind kind)
    {
        var name = new StringBuilder();
        foreach (var word in kind.Type[(kind.Type.LastIndexOf('/') + 1)..].Split('-'))
        {
            name.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word[1..]);
        }

        return name.Append("Problem").ToString();
    }
}
