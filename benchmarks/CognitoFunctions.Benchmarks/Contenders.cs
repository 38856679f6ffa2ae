using System.Security.Claims;
using CognitoFunctions.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace CognitoFunctions.Benchmarks;

/// <summary>The contenders, each as a middleware would call it, over the fixture's tokens.</summary>
internal static class Contenders
{
    public const string Floor = "a. floor";

    public static IReadOnlyList<Contender> All(BenchFixture f) =>
    [
        new(Floor, "RSA.VerifyData (PKCS#1, SHA-256) with the public key imported, over the tokens' signing input", f.Valid, t => VerifyFloor(f, t)),
        new("b. JsonWebTokenHandler + ClaimsIdentity", "ValidateTokenAsync (issuer, audience for ID tokens, lifetime, keys from JsonWebKeySet, RS256 only), then sub, token_use and (access tokens) client_id read from its ClaimsIdentity", f.Valid, t => Stock(f, t)),
        new("c. JwtSecurityTokenHandler (legacy)", "ValidateToken with the same parameters, then the same claims read from its ClaimsPrincipal", f.Valid, t => Legacy(f, t)),
        new("d. ours, first sight + principal", "ICognitoTokenValidator.ValidateAsync with the cache off (every token new), then CognitoToken.ToClaimsPrincipal() and sub read from it, as GetCognitoPrincipal() gives a function", f.Valid, t => OursFirstSight(f, t), "≤ 1.15×", 1.15),
        new("d'. ours, first sight, CognitoToken only", "ValidateAsync with the cache off; the function reads the typed CognitoToken (no ClaimsPrincipal built)", f.Valid, t => OursTokenOnly(f, t)),
        new("e. ours, repeated token (cache hit)", "ValidateAsync on tokens validated before (default cache)", f.Valid, t => OursCached(f, t), "≤ 0.05×", 0.05),
        new("f1. ours rejecting: bad signature", "a token of the right key whose signature covers other bytes", f.Rejected[TokenKind.BadSignature], t => OursRejects(f, t, CognitoTokenFailure.BadSignature), "≤ 1.10×", 1.10),
        new("f2. ours rejecting: expired", "signed by a trusted key, expired an hour ago", f.Rejected[TokenKind.Expired], t => OursRejects(f, t, CognitoTokenFailure.Expired), "≤ 0.25×", 0.25),
        new("f3. ours rejecting: wrong issuer", "signed by a trusted key, iss of another pool", f.Rejected[TokenKind.WrongIssuer], t => OursRejects(f, t, CognitoTokenFailure.WrongIssuer), "≤ 0.25×", 0.25),
        new("f4. ours rejecting: wrong client", "signed by a trusted key, aud / client_id of another client", f.Rejected[TokenKind.WrongClient], t => OursRejects(f, t, CognitoTokenFailure.WrongClient), "≤ 0.25×", 0.25),
        new("f5. ours rejecting: unknown kid", "signed by a key the JWKS does not list (inside the penalty window: no fetch)", f.Rejected[TokenKind.UnknownKid], t => OursRejects(f, t, CognitoTokenFailure.UnknownKeyId)),
        new("stock rejecting: expired", "JsonWebTokenHandler on the same expired tokens, for comparison", f.Rejected[TokenKind.Expired], t => !Stock(f, t)),
    ];

    public static bool VerifyFloor(BenchFixture f, BenchToken t) =>
        f.FloorKeys[t.Key].VerifyData(t.SigningInput, t.Signature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);

    public static bool Stock(BenchFixture f, BenchToken t)
    {
        var result = f.Stock.ValidateTokenAsync(t.Compact, t.IsAccess ? f.AccessParameters : f.IdParameters).GetAwaiter().GetResult();
        return result.IsValid && ReadsRightly(result.ClaimsIdentity, t.IsAccess);
    }

    public static bool Legacy(BenchFixture f, BenchToken t)
    {
        try
        {
            var principal = f.Legacy.ValidateToken(t.Compact, t.IsAccess ? f.AccessParameters : f.IdParameters, out _);
            return ReadsRightly((ClaimsIdentity)principal.Identity!, t.IsAccess);
        }
        catch (SecurityTokenException)
        {
            return false;
        }
    }

    public static bool OursFirstSight(BenchFixture f, BenchToken t)
    {
        var result = Wait(f.FirstSight.ValidateAsync(t.Compact));
        return result.Token?.ToClaimsPrincipal().FindFirst("sub") is { Value.Length: > 0 };
    }

    public static bool OursTokenOnly(BenchFixture f, BenchToken t) => Wait(f.FirstSight.ValidateAsync(t.Compact)).Token?.Subject.Length > 0;

    public static bool OursCached(BenchFixture f, BenchToken t) => Wait(f.Cached.ValidateAsync(t.Compact)).Token?.Subject.Length > 0;

    public static bool OursRejects(BenchFixture f, BenchToken t, CognitoTokenFailure expected)
    {
        var result = Wait(f.FirstSight.ValidateAsync(t.Compact));
        return !result.IsValid && result.Failure == expected;
    }

    // What a middleware must check itself on the stock path: the token use, and for access tokens the client.
    private static bool ReadsRightly(ClaimsIdentity identity, bool access)
    {
        if (identity.FindFirst("sub") is not { Value.Length: > 0 } || identity.FindFirst("token_use")?.Value != (access ? "access" : "id"))
        {
            return false;
        }

        return !access || identity.FindFirst("client_id")?.Value == BenchPool.ClientId;
    }

    private static CognitoTokenValidationResult Wait(ValueTask<CognitoTokenValidationResult> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
