using System.Text.Json.Serialization.Metadata;

namespace CognitoFunctions.Http;

/// <summary>A JSON request body as the OpenAPI document reads it: its JSON contract and the rules of its fields.</summary>
internal interface IRequestBody
{
    JsonTypeInfo Json { get; }

    /// <summary>One rule per property of <see cref="Json"/>, in the order their errors are reported.</summary>
    IReadOnlyList<FieldRule> Fields { get; }

    /// <summary>An empty body (<c>Content-Length: 0</c>) is accepted too.</summary>
    bool Optional { get; }
}

/// <summary>
/// An endpoint's JSON request body, declared once beside its function: the wire form <typeparamref name="TRequest"/>
/// (every field nullable, so that validation can report every problem at once), the rule of each field, and the
/// validated form <typeparamref name="TValid"/> the function receives, with its fields non-null. Read by
/// <see cref="RequestBodies"/> and by the OpenAPI schema alike.
/// </summary>
internal sealed class RequestBody<TRequest, TValid> : IRequestBody
    where TRequest : class
    where TValid : class
{
    private readonly (FieldRule Rule, Func<object, object?> Get)[] _fields;
    private readonly Func<TRequest, TValid> _validated;

    /// <param name="json">The source-generated contract of the wire form.</param>
    /// <param name="fields">A rule for every property of the wire form, by JSON name.</param>
    /// <param name="validated">The validated form of a body whose every field met its rule.</param>
    public RequestBody(JsonTypeInfo<TRequest> json, IReadOnlyList<FieldRule> fields, Func<TRequest, TValid> validated)
    {
        Json = json;
        Fields = fields;
        _validated = validated;
        var properties = json.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var name = typeof(TRequest).Name;
        _fields = [.. fields.Select(rule => properties.Remove(rule.Name, out var property)
            ? (rule, property.Get ?? throw new InvalidOperationException($"{name}.{rule.Name} cannot be read."))
            : throw new InvalidOperationException($"{name} has no field {rule.Name} to give rules to."))];
        if (properties.Count > 0)
        {
            throw new InvalidOperationException($"{name}.{string.Join($", {name}.", properties.Keys)} has no rules.");
        }

        if (json.Properties.FirstOrDefault(p => p.PropertyType != typeof(string)) is { } other)
        {
            throw new InvalidOperationException($"{name}.{other.Name} is not a string; field rules check text.");
        }
    }

    public JsonTypeInfo<TRequest> Json { get; }

    JsonTypeInfo IRequestBody.Json => Json;

    public IReadOnlyList<FieldRule> Fields { get; }

    /// <summary>What an empty body (<c>Content-Length: 0</c>) means, for a body the client may leave out.</summary>
    public TValid? WhenEmpty { get; init; }

    public bool Optional => WhenEmpty is not null;

    /// <summary>Checks every field: the validated form, or the validation problem that lists every broken rule.</summary>
    public TValid? Validate(TRequest body, FieldContext context, out Problem? problem)
    {
        var validation = new Validation();
        foreach (var (rule, get) in _fields)
        {
            validation.Check(rule.Name, rule.Check((string?)get(body), context));
        }

        problem = validation.IsValid ? null : validation.ToProblem();
        return problem is null ? _validated(body) : null;
    }
}
