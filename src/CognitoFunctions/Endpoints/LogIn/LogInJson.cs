using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.LogIn;

/// <summary>The source-generated JSON contracts of login, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(LogInRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(AnswerChallengeRequest))]
internal sealed partial class LogInJson : JsonSerializerContext;
