using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.DeleteAccount;

/// <summary>The source-generated JSON contract of account deletion, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(DeleteAccountRequest))]
internal sealed partial class DeleteAccountJson : JsonSerializerContext;
