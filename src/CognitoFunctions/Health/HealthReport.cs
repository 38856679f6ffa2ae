namespace CognitoFunctions.Health;

// The body of GET /api/health. Nothing secret: issuers are public (every token carries its own), errors are
// short fixed words, and no message, address or credential of Cognito's or AWS's appears.

/// <summary>The readiness report: the worst status of the checks, and each check.</summary>
internal sealed record HealthReport(HealthStatus Status, HealthChecks Checks);

/// <summary>The checks the report is made of.</summary>
internal sealed record HealthChecks(JwksHealth Jwks, CognitoHealth Cognito);

/// <summary>The signing keys the JWT middleware holds: <c>keys</c> counts them over every trusted pool.</summary>
internal sealed record JwksHealth(HealthStatus Status, int Keys, IReadOnlyList<PoolKeysHealth> Pools);

/// <summary>One trusted pool's cached keys, the last successful JWKS fetch, and why the latest one failed if it did.</summary>
internal sealed record PoolKeysHealth(string Issuer, int Keys, DateTimeOffset? LastRefresh, string? LastError, DateTimeOffset? LastErrorAt);

/// <summary>
/// Whether Cognito answered two cheap calls (DescribeUserPool, DescribeUserPoolClient) in time; <c>error</c> says why
/// not, e.g. <c>app_client_not_found</c> for a wrong <c>Cognito__ClientId</c>.
/// </summary>
internal sealed record CognitoHealth(HealthStatus Status, DateTimeOffset CheckedAt, long DurationMs, string? Error);
