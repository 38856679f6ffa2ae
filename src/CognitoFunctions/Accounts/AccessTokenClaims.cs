using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The few claims the login response reports, read from an access token Cognito has just issued to us over an
/// authenticated call. Nothing here validates a token: the JWT middleware does that for tokens clients send.
/// </summary>
internal readonly record struct AccessTokenClaims(string Username, long Iat, long Exp)
{
    public static AccessTokenClaims Read(string accessToken)
    {
        var parts = accessToken.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException("Cognito returned an access token that is not a JWS.");
        }

        var payload = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(parts[1].Length));
        try
        {
            var length = Base64Url.DecodeFromChars(parts[1], payload);
            using var document = JsonDocument.Parse(payload.AsMemory(0, length));
            var root = document.RootElement;
            return new AccessTokenClaims(
                root.TryGetProperty("username", out var username) ? username.GetString() ?? "" : "",
                root.TryGetProperty("iat", out var iat) ? iat.GetInt64() : 0,
                root.TryGetProperty("exp", out var exp) ? exp.GetInt64() : 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }
}
