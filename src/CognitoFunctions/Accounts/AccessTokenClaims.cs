using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace CognitoFunctions.Accounts;

/// <summary>
/// The few claims the login response reports, read from an access token Cognito has just issued to us over an
/// authenticated call. Nothing here validates a token: the JWT middleware does that for tokens clients send.
/// </summary>
internal readonly record struct AccessTokenClaims(string Username, string Sub, long Iat, long Exp)
{
    /// <summary>The claims; a <see cref="FormatException"/> saying why when the token cannot be read as Cognito issues it.</summary>
    public static AccessTokenClaims Read(string accessToken)
    {
        var payload = JwsPayload(accessToken, "access");
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            var length = Base64Url.DecodeFromChars(payload, buffer);
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Cognito returned an access token whose payload is not a JSON object.");
            }

            return new AccessTokenClaims(String(root, "username"), String(root, "sub"), Number(root, "iat"), Number(root, "exp"));
        }
        catch (JsonException ex)
        {
            throw new FormatException("Cognito returned an access token whose payload is not JSON.", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Throws a <see cref="FormatException"/> unless <paramref name="token"/> is a compact JWS (three base64url parts).</summary>
    public static void EnsureJws(string token, string kind) => _ = JwsPayload(token, kind);

    private static ReadOnlySpan<char> JwsPayload(string token, string kind)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !Base64Url.IsValid(p)))
        {
            throw new FormatException($"Cognito returned an {kind} token that is not a JWS.");
        }

        return parts[1];
    }

    // Cognito issues these claims in one JSON type; another type is an answer this app cannot read.
    private static string String(JsonElement root, string claim) => !root.TryGetProperty(claim, out var value) ? ""
        : value.ValueKind == JsonValueKind.String ? value.GetString()!
        : throw new FormatException($"Cognito returned an access token whose {claim} is not a string.");

    private static long Number(JsonElement root, string claim) => !root.TryGetProperty(claim, out var value) ? 0
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
        : throw new FormatException($"Cognito returned an access token whose {claim} is not a whole number.");
}
