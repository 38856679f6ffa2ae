using System.Text.Json.Serialization;
using CognitoFunctions.Health;

namespace CognitoFunctions.Endpoints.Operations;

/// <summary>The source-generated JSON contract of the health report, with the API's conventions (<see cref="ApiJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = ApiJson.Naming, DefaultIgnoreCondition = ApiJson.Nulls, AllowDuplicateProperties = ApiJson.DuplicateProperties)]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class OperationsJson : JsonSerializerContext;
