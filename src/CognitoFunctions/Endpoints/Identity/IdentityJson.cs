using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.Identity;

/// <summary>The source-generated JSON contract of the identity functions, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(IdentityResponse))]
internal sealed partial class IdentityJson : JsonSerializerContext;
