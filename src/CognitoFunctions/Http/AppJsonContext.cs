using System.Text.Json.Serialization;
using CognitoFunctions.Functions;
using CognitoFunctions.Health;

namespace CognitoFunctions.Http;

/// <summary>Source-generated JSON contracts of the HTTP API: camelCase names, no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ProblemDetailsBody))]
[JsonSerializable(typeof(SignUpRequest))]
[JsonSerializable(typeof(LogInRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(ForgotPasswordRequest))]
[JsonSerializable(typeof(ConfirmForgotPasswordRequest))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(LogOutRequest))]
[JsonSerializable(typeof(SignUpResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(IdentityResponse))]
[JsonSerializable(typeof(UserListResponse))]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
