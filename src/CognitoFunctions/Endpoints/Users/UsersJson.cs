using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.Users;

/// <summary>The source-generated JSON contract of the user listing, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(UserListResponse))]
internal sealed partial class UsersJson : JsonSerializerContext;
