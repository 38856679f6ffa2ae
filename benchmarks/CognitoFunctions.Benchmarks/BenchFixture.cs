using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using CognitoFunctions.Authentication;
using CognitoFunctions.Testing.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// Everything the contenders share: two keys, the token sets, our validator wired as an app wires it (one without a
/// cache for first sight, one with the default cache for repeats), and the stock handlers with the usual parameters.
/// </summary>
internal sealed class BenchFixture : IDisposable
{
    private readonly ServiceProvider _firstSightServices;
    private readonly ServiceProvider _cachedServices;

    private BenchFixture(int validPerUse, int rejectedPerKind)
    {
        var idKey = new TestKey("bench-key-1");
        var accessKey = new TestKey("bench-key-2");
        var factory = new TokenFactory(idKey, accessKey);
        var now = DateTimeOffset.UtcNow;
        var serial = 0;
        Valid = [.. Enumerable.Range(0, validPerUse * 2).Select(i => factory.Create(access: i % 2 == 1, serial++, TokenKind.Valid, now))];
        foreach (var kind in Enum.GetValues<TokenKind>().Where(k => k != TokenKind.Valid))
        {
            Rejected[kind] = [.. Enumerable.Range(0, rejectedPerKind).Select(i => factory.Create(access: i % 2 == 1, serial++, kind, now))];
        }

        FloorKeys = new Dictionary<TestKey, RSA> { [idKey] = idKey.ImportPublic(), [accessKey] = accessKey.ImportPublic() };
        Jwks = Testing.Tokens.Jwks.Of(idKey, accessKey);
        FirstSightJwks = new InMemoryJwks(Jwks);
        CachedJwks = new InMemoryJwks(Jwks);
        _firstSightServices = Ours(FirstSightJwks, cacheSize: 0);
        _cachedServices = Ours(CachedJwks, cacheSize: 10_000);
        FirstSight = _firstSightServices.GetRequiredService<ICognitoTokenValidator>();
        Cached = _cachedServices.GetRequiredService<ICognitoTokenValidator>();

        var signingKeys = JsonWebKeySet.Create(Jwks).GetSigningKeys();
        IdParameters = new TokenValidationParameters
        {
            ValidIssuer = BenchPool.Issuer,
            ValidAudience = BenchPool.ClientId,
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
        };

        // Access tokens carry client_id and no aud: the audience check is off and client_id is checked by the caller.
        AccessParameters = IdParameters.Clone();
        AccessParameters.ValidateAudience = false;
        AccessParameters.ValidAudience = null;
    }

    public BenchToken[] Valid { get; }

    public Dictionary<TokenKind, BenchToken[]> Rejected { get; } = [];

    public Dictionary<TestKey, RSA> FloorKeys { get; }

    public string Jwks { get; }

    public InMemoryJwks FirstSightJwks { get; }

    public InMemoryJwks CachedJwks { get; }

    /// <summary>Ours with the cache off: every token is seen for the first time.</summary>
    public ICognitoTokenValidator FirstSight { get; }

    /// <summary>Ours with the default cache, after every valid token was validated once.</summary>
    public ICognitoTokenValidator Cached { get; }

    public JsonWebTokenHandler Stock { get; } = new() { MapInboundClaims = false };

    public JwtSecurityTokenHandler Legacy { get; } = new() { MapInboundClaims = false };

    public TokenValidationParameters IdParameters { get; }

    public TokenValidationParameters AccessParameters { get; }

    /// <summary>Builds the fixture, loads the keys into both validators (one JWKS fetch each) and fills the cache.</summary>
    public static async Task<BenchFixture> CreateAsync(int validPerUse, int rejectedPerKind)
    {
        var fixture = new BenchFixture(validPerUse, rejectedPerKind);
        foreach (var token in fixture.Valid)
        {
            var result = await fixture.Cached.ValidateAsync(token.Compact);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"Our validator rejected a valid token while filling the cache: {result}.");
            }
        }

        var first = await fixture.FirstSight.ValidateAsync(fixture.Valid[0].Compact);
        if (!first.IsValid)
        {
            throw new InvalidOperationException($"Our validator rejected a valid token: {first}.");
        }

        return fixture;
    }

    public void Dispose()
    {
        _firstSightServices.Dispose();
        _cachedServices.Dispose();
        foreach (var rsa in FloorKeys.Values)
        {
            rsa.Dispose();
        }

    }

    private static ServiceProvider Ours(InMemoryJwks jwks, int cacheSize)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CognitoAuth:TrustedPools:0:Region"] = BenchPool.Region,
            ["CognitoAuth:TrustedPools:0:UserPoolId"] = BenchPool.UserPoolId,
            ["CognitoAuth:TrustedPools:0:ClientIds:0"] = BenchPool.ClientId,
            ["CognitoAuth:CacheSize"] = cacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // One refetch per hour at most for an unknown kid: the run must show no fetch after warm-up.
            ["CognitoAuth:PenaltyWindow"] = "01:00:00",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCognitoAuthentication(configuration);

        // The JWKS answers from memory: a handler in front of every client's pipeline that never calls on.
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(jwks.CreateHandler));
        return services.BuildServiceProvider();
    }
}
