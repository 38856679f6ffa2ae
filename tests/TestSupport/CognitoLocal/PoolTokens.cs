using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>Claims of tokens the pool could have issued, for signing with keys a test controls.</summary>
public static class PoolTokens
{
    /// <summary>An ID token's claims for a new user of <paramref name="pool"/>, valid for an hour, with a fresh jti.</summary>
    public static JsonObject IdClaims(ProvisionedPool pool)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sub = Guid.NewGuid().ToString();
        return new JsonObject
        {
            ["sub"] = sub,
            ["iss"] = pool.Issuer,
            ["aud"] = pool.ClientId,
            ["token_use"] = "id",
            ["cognito:username"] = sub,
            ["email"] = $"{sub}@example.com",
            ["email_verified"] = true,
            ["auth_time"] = now,
            ["iat"] = now,
            ["exp"] = now + 3600,
            ["jti"] = Guid.NewGuid().ToString(),
        };
    }
}
