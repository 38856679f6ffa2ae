using System.Net;
using CognitoFunctions.Authentication;
using CognitoFunctions.Health;
using CognitoFunctions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Functions;

/// <summary>
/// <c>GET /api/health</c>: readiness (signing keys cached, Cognito reachable) → 200 when healthy or degraded, 503 when
/// unhealthy; never cached.
/// </summary>
internal sealed class HealthFunction(Readiness readiness)
{
    [Function("Health")]
    [AllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request)
    {
        var report = await readiness.CheckAsync();
        var status = report.Status == HealthStatus.Unhealthy ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        return await request.JsonAsync(status, report, AppJsonContext.Default.HealthReport);
    }
}
