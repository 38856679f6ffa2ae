using System.Text.Json.Serialization;

namespace CognitoFunctions.Health;

/// <summary>A check's verdict, ordered from best to worst so the report's status is the worst of its checks.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthStatus>))]
internal enum HealthStatus
{
    /// <summary>Everything this check looks at works.</summary>
    [JsonStringEnumMemberName("healthy")]
    Healthy,

    /// <summary>Requests are served, but something needs attention (a failed key refresh, Cognito throttling).</summary>
    [JsonStringEnumMemberName("degraded")]
    Degraded,

    /// <summary>Requests of some kind cannot be served: the app is not ready (503).</summary>
    [JsonStringEnumMemberName("unhealthy")]
    Unhealthy,
}
