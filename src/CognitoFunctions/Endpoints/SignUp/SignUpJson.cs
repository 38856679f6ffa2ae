using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.SignUp;

/// <summary>The source-generated JSON contracts of sign-up, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(SignUpRequest))]
[JsonSerializable(typeof(SignUpResponse))]
internal sealed partial class SignUpJson : JsonSerializerContext;
