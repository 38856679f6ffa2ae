using CognitoFunctions.Health;

namespace CognitoFunctions.Endpoints.Operations;

/// <summary>
/// <c>GET /api/health</c>: readiness (signing keys cached, Cognito reachable) → 200 when healthy or degraded, 503 when
/// unhealthy; never cached.
/// </summary>
internal sealed class HealthFunction(Readiness readiness) : IDescribedFunctions
{
    public static IReadOnlyList<ApiOperation> Operations { get; } =
    [
        new("Health", ApiTag.Operations, "Readiness")
        {
            Description = "Whether the signing keys of every trusted pool are cached and Cognito answers for the configured pool and app client "
                + "(`error` names what is wrong, e.g. `app_client_not_found`). Cognito's verdict is reused for a few "
                + "seconds. `degraded` still answers 200; `unhealthy` answers 503. `Cache-Control: no-store`.",
            Responses =
            [
                new(HttpStatusCode.OK, "Ready: `healthy`, or `degraded` but serving.", OperationsJson.Default.HealthReport),
                new(HttpStatusCode.ServiceUnavailable, "Not ready: `unhealthy`.", OperationsJson.Default.HealthReport),
            ],
        },
    ];

    [Function("Health")]
    [CognitoAllowAnonymous]
    public async Task<HttpResponseData> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request)
    {
        var report = await readiness.CheckAsync();
        var status = report.Status == HealthStatus.Unhealthy ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        return await request.JsonAsync(status, report, OperationsJson.Default.HealthReport);
    }
}
