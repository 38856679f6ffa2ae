using System.Text.Json.Serialization;

namespace CognitoFunctions.Endpoints.Mfa;

/// <summary>The source-generated JSON contracts of the MFA functions, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(VerifyTotpRequest))]
[JsonSerializable(typeof(TotpEnrolmentResponse))]
internal sealed partial class MfaJson : JsonSerializerContext;
