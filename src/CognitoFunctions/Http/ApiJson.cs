using System.Text.Json.Serialization;

namespace CognitoFunctions.Http;

/// <summary>
/// The JSON conventions of the HTTP API: camelCase names, null members left out, a repeated member refused. Each
/// endpoint has a source-generated context of its own (no reflection, no central list of types), declared with
/// <c>[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls,
/// AllowDuplicateProperties = ApiJson.DuplicateProperties)]</c>; a test holds every context of the app to these.
/// </summary>
internal static class ApiJson
{
    public const JsonKnownNamingPolicy Naming = JsonKnownNamingPolicy.CamelCase;

    public const JsonIgnoreCondition Nulls = JsonIgnoreCondition.WhenWritingNull;

    public const bool DuplicateProperties = false;
}
