using System.Text.Json.Serialization;
using CognitoFunctions.Endpoints.LogIn;

namespace CognitoFunctions.Endpoints.Refresh;

/// <summary>The source-generated JSON contracts of refresh, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class RefreshJson : JsonSerializerContext;
