using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.Email;

/// <summary>The source-generated JSON contracts of the email functions, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(VerifyEmailRequest))]
[JsonSerializable(typeof(EmailCodeSentResponse))]
internal sealed partial class EmailJson : JsonSerializerContext;
