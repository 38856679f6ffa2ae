using System.Globalization;
using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.FunctionsHost;
using CognitoFunctions.Testing.FunctionsHost.Fixtures;
using CognitoFunctions.Testing.Tokens;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// benchmarks/BenchFunctionApp (or its ASP.NET Core integration twin) served by the test host, trusting the bench pool with its keys on a counting loopback
/// JWKS server, and tokens of that pool signed before any host starts.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private BenchApp(JwksServer jwks, BenchToken[] tokens)
    {
        Jwks = jwks;
        Tokens = tokens;
    }

    public JwksServer Jwks { get; }

    public BenchToken[] Tokens { get; }

    public static string AppDirectory(HttpModel model) => FunctionAppBuildOutput.Locate(
        model == HttpModel.AspNetCore ? "benchmarks/BenchAspNetFunctionApp" : "benchmarks/BenchFunctionApp",
        typeof(BenchApp).Assembly);

    public static async Task<BenchApp> CreateAsync(int tokenCount)
    {
        var idKey = new TestKey("bench-key-1");
        var accessKey = new TestKey("bench-key-2");
        var factory = new TokenFactory(idKey, accessKey);
        var now = DateTimeOffset.UtcNow;
        var tokens = Enumerable.Range(0, tokenCount).Select(i => factory.Create(access: i % 2 == 1, i, TokenKind.Valid, now)).ToArray();
        var jwks = await JwksServer.StartAsync(Testing.Tokens.Jwks.Of(idKey, accessKey));
        return new BenchApp(jwks, tokens);
    }

    /// <summary>
    /// Starts the app of <paramref name="model"/>; <paramref name="authentication"/> false builds it without our middleware;
    /// <paramref name="requestLogs"/> keeps ASP.NET Core's per-request logs (ASP.NET Core integration only).
    /// </summary>
    public Task<FunctionsTestHost> StartAsync(
        bool authentication, int cacheSize = 10_000, HttpModel model = HttpModel.BuiltIn, bool requestLogs = false, Uri? serviceUrl = null)
    {
        var options = new FunctionsTestHostOptions { AppDirectory = AppDirectory(model) };
        var settings = options.AppSettings;
        settings["Bench__Authentication"] = authentication ? "on" : "off";
        settings["Bench__RequestLogs"] = requestLogs ? "on" : "off";
        foreach (var (name, value) in new ProvisionedPool(BenchPool.Region, BenchPool.UserPoolId, "", BenchPool.ClientId, null, [], Jwks.Address).TrustedPoolSettingsOverHttp())
        {
            settings[name] = value;
        }

        if (serviceUrl is not null)
        {
            settings["CognitoAuth__TrustedPools__0__ServiceUrl"] = serviceUrl.ToString();
        }

        settings["CognitoAuth__CacheSize"] = cacheSize.ToString(CultureInfo.InvariantCulture);

        // One refetch per hour at most for an unknown kid: any fetch after warm-up would be a real one.
        settings["CognitoAuth__PenaltyWindow"] = "01:00:00";
        return FunctionsTestHost.StartAsync(options);
    }

    public async ValueTask DisposeAsync() => await Jwks.DisposeAsync();
}
