using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// JSON schemas of the API's bodies, from the endpoints' source-generated contracts: the property names and types the
/// app really writes and reads. A response property is required unless it is nullable (null ones are left out of the
/// JSON), and a response has no property its type does not declare; a request's fields get their rules from its
/// <see cref="IRequestBody.Fields"/>, and unknown request fields are allowed (ignored).
/// </summary>
internal sealed class SchemaGenerator(OpenApiDocument document)
{
    private IDictionary<string, IOpenApiSchema> Components => document.Components!.Schemas!;

    /// <summary>A reference to the component schema of a response body type, defined on first use.</summary>
    public IOpenApiSchema Response(JsonTypeInfo typeInfo)
    {
        var name = typeInfo.Type.Name;
        if (!Components.ContainsKey(name))
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(),
                Required = new SortedSet<string>(StringComparer.Ordinal),
                AdditionalPropertiesAllowed = false,
            };
            Components[name] = schema;
            foreach (var property in typeInfo.Properties)
            {
                schema.Properties[property.Name] = Property(property.PropertyType, typeInfo.Options);
                if (!IsNullable(property))
                {
                    schema.Required.Add(property.Name);
                }
            }
        }

        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>A reference to the component schema of a request body, with its fields' rules.</summary>
    public IOpenApiSchema Request(IRequestBody body)
    {
        var name = body.Json.Type.Name;
        if (Components.ContainsKey(name))
        {
            throw new InvalidOperationException($"{name} is described twice; each request type belongs to one operation.");
        }

        var fields = body.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(), Required = new SortedSet<string>(StringComparer.Ordinal) };
        foreach (var property in body.Json.Properties)
        {
            if (!fields.Remove(property.Name, out var field))
            {
                throw new InvalidOperationException($"{name}.{property.Name} has no rules.");
            }

            var fieldSchema = (OpenApiSchema)Property(property.PropertyType, body.Json.Options);
            fieldSchema.MinLength = field.MinLength;
            fieldSchema.MaxLength = field.MaxLength;
            fieldSchema.Format = field.Format;
            fieldSchema.Description = field.Description;
            schema.Properties[property.Name] = fieldSchema;
            if (field.IsRequired)
            {
                schema.Required.Add(property.Name);
            }
        }

        if (fields.Count > 0)
        {
            throw new InvalidOperationException($"{name} has rules for fields it does not have: {string.Join(", ", fields.Keys)}.");
        }

        Components[name] = schema;
        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>Whether the property is left out of the JSON when null (so not required).</summary>
    public static bool IsNullable(JsonPropertyInfo property) =>
        property.PropertyType.IsValueType ? Nullable.GetUnderlyingType(property.PropertyType) is not null : property.IsGetNullable;

    /// <summary>
    /// The schema of a property of type <paramref name="type"/>; an object type becomes a component, from its contract
    /// in <paramref name="options"/> (those of the contract that holds the property).
    /// </summary>
    public IOpenApiSchema Property(Type type, JsonSerializerOptions? options = null)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new OpenApiSchema { Type = JsonSchemaType.String };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Integer, Format = type == typeof(int) ? "int32" : "int64" };
        }

        if (type == typeof(bool))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Boolean };
        }

        if (type == typeof(DateTimeOffset))
        {
            return new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" };
        }

        if (type.IsEnum)
        {
            return new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. EnumNames(type).Select(n => (JsonNode)JsonValue.Create(n))] };
        }

        if (Generic(type, typeof(IReadOnlyDictionary<,>)) is [var key, var value] && key == typeof(string))
        {
            return new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Property(value, options) };
        }

        if (type.IsArray)
        {
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = Property(type.GetElementType()!, options) };
        }

        if (Generic(type, typeof(IEnumerable<>)) is [var item])
        {
            return new OpenApiSchema { Type = JsonSchemaType.Array, Items = Property(item, options) };
        }

        return Response(options?.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type.Name} is an object: its schema needs the JSON contract that holds it."));
    }

    private static Type[]? Generic(Type type, Type definition) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type : null)?.GetGenericArguments()
        ?? type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)?.GetGenericArguments();

    private static IEnumerable<string> EnumNames(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? throw new NotSupportedException($"{type.Name}.{f.Name} needs [JsonStringEnumMemberName]: the document names enum values as the JSON does."));
}
