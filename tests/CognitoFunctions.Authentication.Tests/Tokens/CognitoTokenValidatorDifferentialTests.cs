using System.Collections;
using CognitoFunctions.Authentication.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CognitoFunctions.Authentication.Tests.Tokens;

/// <summary>
/// Our parser against the stock one: over the whole corpus, the verdict of our validator equals that of
/// <see cref="JsonWebTokenHandler"/> set up as a careful user would for Cognito (RS256 only, issuer, lifetime with the
/// same skew, keys by kid of the token's own pool, and token_use / aud / client_id checked on its claims), except in
/// the cases listed here where we are deliberately stricter. We are never more lenient.
/// </summary>
public sealed class CognitoTokenValidatorDifferentialTests : IAsyncLifetime
{
    /// <summary>Cases the stock handler accepts and we reject, each on purpose.</summary>
    private static readonly Dictionary<string, string> DeliberatelyStricter = new()
    {
        ["payload followed by more JSON"] = "a payload is one JSON object; the stock reader ignores what follows it",
        ["token longer than 16 KiB"] = "the Authorization header is bounded at 16 KiB; the stock limit is 250 KB",
        ["a claim name given twice, once with escapes (sub)"] = "duplicate names are ambiguous; the stock reader keeps one of them",
        ["an unknown claim given twice"] = "the same, for a claim a function may read through TryGetClaim",
        ["a name given twice inside a nested claim"] = "the same, inside a nested claim",
        ["sub is not a string"] = "a known claim of the wrong type",
        ["scope is not a string"] = "a known claim of the wrong type",
        ["exp is a string"] = "NumericDate is a JSON number; the stock reader also parses numeric strings",
        ["exp has a fraction"] = "Cognito writes whole seconds; fractional dates are refused",
        ["client_id is not a string"] = "a known claim of the wrong type",
        ["cognito:groups is a string"] = "Cognito writes an array; a string would be read as one group by some and as characters by others",
        ["cognito:groups holds a number"] = "a known claim of the wrong type",
        ["aud is an array holding the right client"] = "Cognito writes an ID token's aud as one string; aws-jwt-verify refuses an array too",
        ["aud is an array holding the right client among others"] = "the same: a token meant for several audiences is not a Cognito ID token",
        ["auth_time is a string"] = "Cognito writes auth_time as a number; the stock handler does not read it",
        ["auth_time has a fraction"] = "Cognito writes whole seconds, as for exp",
        ["username is not a string"] = "a claim Cognito issues, in a type it never gives it; the stock handler does not read it",
        ["cognito:username is not a string"] = "the same",
        ["email is not a string"] = "the same",
        ["email is null"] = "the same",
        ["email_verified is a string"] = "Cognito writes a JSON boolean; a string \"false\" is truthy to a careless reader",
        ["email_verified is a number"] = "the same",
        ["origin_jti is not a string"] = "a claim Cognito issues, in a type it never gives it; the stock handler does not read it",
        ["event_id is not a string"] = "the same",
        ["a critical header extension"] = "RFC 7515: a crit extension we do not understand must be refused",
        ["kid of a JWK whose use is enc"] = "an encryption key must not verify signatures",
        ["kid of a JWK whose alg is RS384 (token alg RS256)"] = "the key is declared for another algorithm than the token's",
        ["kid of a 1024-bit RSA key"] = "keys under 2048 bits are refused",
        ["kid the JWKS lists twice"] = "which of two keys under one kid signed cannot be told",
        ["sub missing"] = "a Cognito token always has sub, and functions rely on it",
        ["sub empty"] = "the same",
    };

    private AuthHarness _harness = null!;

    public async Task InitializeAsync()
    {
        // The stock handler reads the real clock: ours starts at the same second.
        _harness = await AuthHarness.StartAsync(start: DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await _harness.LoadKeysAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Our_verdicts_equal_the_stock_handlers_except_where_deliberately_stricter()
    {
        var differences = new Dictionary<string, string>();
        var cases = TokenCorpus.All.Where(c => !c.AtTimeBoundary).ToList();
        foreach (var tokenCase in cases)
        {
            var token = tokenCase.Make(_harness.Now);
            var ours = (await _harness.ValidateAsync(token)).IsValid;
            var stock = await StockVerdictAsync(token);
            if (ours != stock)
            {
                differences[tokenCase.Name] = ours ? "we accept, stock rejects" : "we reject, stock accepts";
            }
        }

        Assert.True(cases.Count >= 90, $"the corpus has {cases.Count} cases");
        Assert.DoesNotContain("we accept, stock rejects", differences.Values);
        Assert.True(
            DeliberatelyStricter.Keys.Order().SequenceEqual(differences.Keys.Order()),
            "differences: " + string.Join("; ", differences.Select(d => $"{d.Key}: {d.Value}")));
    }

    [Fact]
    public async Task The_stock_handler_accepts_every_valid_case_so_the_comparison_is_meaningful()
    {
        foreach (var tokenCase in TokenCorpus.Valid.Where(c => !c.AtTimeBoundary))
        {
            Assert.True(await StockVerdictAsync(tokenCase.Make(_harness.Now)), tokenCase.Name);
        }
    }

    private static async Task<bool> StockVerdictAsync(string token)
    {
        var keysByIssuer = new Dictionary<string, IList<JsonWebKey>>
        {
            [TestPools.IssuerA] = new JsonWebKeySet(Jwks.PoolA()).Keys,
            [TestPools.IssuerB] = new JsonWebKeySet(Jwks.PoolB()).Keys,
        };
        var clientsByIssuer = new Dictionary<string, string[]>
        {
            [TestPools.IssuerA] = [TestPools.ClientA1, TestPools.ClientA2],
            [TestPools.IssuerB] = [TestPools.ClientB1],
        };
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = keysByIssuer.Keys,
            ValidateAudience = false, // Cognito access tokens have no aud: the client is checked below.
            ValidAlgorithms = ["RS256"],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = (_, securityToken, kid, _) =>
                keysByIssuer.TryGetValue(securityToken.Issuer, out var keys) ? keys.Where(k => k.KeyId == kid) : [],
        };

        TokenValidationResult result;
        try
        {
            result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (!result.IsValid || !clientsByIssuer.TryGetValue(result.Issuer ?? "", out var clients))
        {
            return false;
        }

        IDictionary<string, object> claims = result.Claims;
        object? Claim(string name) => claims.TryGetValue(name, out var value) ? value : null;
        return (Claim("token_use") as string) switch
        {
            "id" => Strings(Claim("aud")).Any(clients.Contains),
            "access" => Claim("client_id") is string clientId && clients.Contains(clientId),
            _ => false,
        };
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string single => [single],
        IEnumerable many => many.Cast<object>().Select(v => v?.ToString() ?? ""),
        _ => [],
    };
}
