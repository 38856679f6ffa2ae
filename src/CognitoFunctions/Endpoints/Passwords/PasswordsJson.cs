using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.Passwords;

/// <summary>The source-generated JSON contracts of the password functions, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(ForgotPasswordRequest))]
[JsonSerializable(typeof(ConfirmForgotPasswordRequest))]
[JsonSerializable(typeof(ChangePasswordRequest))]
internal sealed partial class PasswordsJson : JsonSerializerContext;
