using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.LogOut;

/// <summary>The source-generated JSON contract of logout, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(LogOutRequest))]
internal sealed partial class LogOutJson : JsonSerializerContext;
