using CognitoFunctions.Tests.Fakes;
using CognitoFunctions.Authentication;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Health;
using Microsoft.Extensions.Logging.Abstractions;

namespace CognitoFunctions.Tests.Health;

public sealed class ReadinessTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keys_cached_for_every_pool_with_no_failed_refresh_are_healthy_and_counted_over_all_pools()
    {
        var jwks = Readiness.Jwks([Pool("a", keys: 2), Pool("b", keys: 1)]);

        Assert.Equal(HealthStatus.Healthy, jwks.Status);
        Assert.Equal(3, jwks.Keys);
        Assert.Equal(["a", "b"], jwks.Pools.Select(p => p.Issuer));
    }

    [Fact]
    public void A_failed_refresh_beside_cached_keys_is_degraded()
    {
        var jwks = Readiness.Jwks([Pool("a", keys: 2), Pool("b", keys: 1, lastError: "timeout")]);

        Assert.Equal(HealthStatus.Degraded, jwks.Status);
        Assert.Equal("timeout", jwks.Pools[1].LastError);
    }

    [Fact]
    public void A_pool_without_keys_is_unhealthy_whatever_the_others_have()
    {
        Assert.Equal(HealthStatus.Unhealthy, Readiness.Jwks([Pool("a", keys: 2), Pool("b", keys: 0)]).Status);
        Assert.Equal(HealthStatus.Unhealthy, Readiness.Jwks([Pool("a", keys: 0, lastError: "http_error")]).Status);
    }

    [Theory]
    [InlineData(2, null, null, "Healthy")]
    [InlineData(2, "network_error", null, "Degraded")]
    [InlineData(2, null, "throttled", "Degraded")]
    [InlineData(0, null, null, "Unhealthy")]
    [InlineData(2, null, "unavailable", "Unhealthy")]
    [InlineData(2, "timeout", "credentials", "Unhealthy")]
    public async Task The_report_is_the_worst_of_its_checks(int keys, string? jwksError, string? cognitoError, string expected)
    {
        var cognito = new ScriptedCognito().OnDescribeUserPool(_ => cognitoError switch
        {
            null => Task.FromResult(new DescribeUserPoolResponse()),
            "throttled" => Task.FromException<DescribeUserPoolResponse>(new CognitoFunctions.Cognito.Errors.CognitoThrottledException(
                "DescribeUserPool", new(1, false), System.Net.HttpStatusCode.BadRequest, "TooManyRequestsException", null, null, null)),
            "unavailable" => Task.FromException<DescribeUserPoolResponse>(new CognitoFunctions.Cognito.Errors.CognitoServerErrorException(
                "DescribeUserPool", new(1, false), System.Net.HttpStatusCode.BadGateway, null, null, null, null)),
            _ => Task.FromException<DescribeUserPoolResponse>(new CognitoFunctions.Cognito.Errors.CognitoCredentialsException(
                "DescribeUserPool", new(1, false), new CognitoFunctions.Cognito.Errors.AwsCredentialsUnavailableException("none"))),
        }).OnDescribeUserPoolClient(_ => Task.FromResult(new DescribeUserPoolClientResponse()));
        var readiness = new Readiness(new FixedKeyStatus([Pool("a", keys, jwksError)]), new CognitoReachability(cognito, new UserPoolDescription(cognito, TimeProvider.System), TimeProvider.System, NullLogger<CognitoReachability>.Instance));

        var report = await readiness.CheckAsync();

        Assert.Equal(Enum.Parse<HealthStatus>(expected), report.Status);
        Assert.Equal(cognitoError, report.Checks.Cognito.Error);
    }

    private static CognitoPoolKeyStatus Pool(string issuer, int keys, string? lastError = null) => new()
    {
        Issuer = issuer,
        KeyCount = keys,
        LastRefresh = keys > 0 ? Now : null,
        LastError = lastError,
        LastErrorAt = lastError is null ? null : Now,
    };

    private sealed class FixedKeyStatus(IReadOnlyList<CognitoPoolKeyStatus> pools) : ICognitoKeyStatus
    {
        public IReadOnlyList<CognitoPoolKeyStatus> GetPools() => pools;
    }
}
