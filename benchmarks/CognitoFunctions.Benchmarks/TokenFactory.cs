using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// Writes tokens of Cognito's shape (claims, order and sizes as a real pool issues them, about 1,080 characters),
/// each with its own sub, jti, origin_jti and event_id so that no two tokens are alike.
/// </summary>
internal sealed class TokenFactory(BenchKey idKey, BenchKey accessKey)
{
    private static readonly string[] Groups = ["editors", "admins"];

    public BenchToken Create(bool access, int serial, TokenKind kind, DateTimeOffset now)
    {
        var key = access ? accessKey : idKey;
        var signingKey = kind == TokenKind.UnknownKid ? Stranger : key;
        var issuer = kind == TokenKind.WrongIssuer ? BenchPool.ForeignIssuer : BenchPool.Issuer;
        var client = kind == TokenKind.WrongClient ? BenchPool.ForeignClientId : BenchPool.ClientId;
        var issued = kind == TokenKind.Expired ? now.AddHours(-2) : now.AddMinutes(-5);
        var sub = Uuid(serial, 1);
        var payload = new JsonObject { ["sub"] = sub, ["cognito:groups"] = new JsonArray([.. Groups.Select(g => (JsonNode)g!)]) };
        if (!access)
        {
            payload["email_verified"] = true;
        }

        payload["iss"] = issuer;
        if (access)
        {
            payload["version"] = 2;
            payload["client_id"] = client;
        }
        else
        {
            payload["cognito:username"] = sub;
        }

        payload["origin_jti"] = Uuid(serial, 2);
        if (!access)
        {
            payload["aud"] = client;
        }

        payload["event_id"] = Uuid(serial, 3);
        payload["token_use"] = access ? "access" : "id";
        if (access)
        {
            payload["scope"] = "aws.cognito.signin.user.admin openid";
        }

        payload["auth_time"] = issued.ToUnixTimeSeconds();
        payload["exp"] = issued.AddHours(1).ToUnixTimeSeconds();
        payload["iat"] = issued.ToUnixTimeSeconds();
        payload["jti"] = Uuid(serial, 4);
        if (access)
        {
            payload["username"] = sub;
        }
        else
        {
            payload["email"] = string.Create(CultureInfo.InvariantCulture, $"user{serial:D6}@example.com");
        }

        var header = new JsonObject { ["kid"] = signingKey == Stranger ? "unknown-kid-00000000000000000000000000000000" : key.Kid, ["alg"] = "RS256" };
        var input = $"{Encode(header)}.{Encode(payload)}";
        var signature = signingKey.Sign(Encoding.ASCII.GetBytes(input));
        if (kind == TokenKind.BadSignature)
        {
            // A signature of the right length made by the right key, over other bytes: what tampering looks like.
            signature = key.Sign(Encoding.ASCII.GetBytes(input + "x"));
        }

        return new BenchToken($"{input}.{Base64Url.EncodeToString(signature)}", access, key);
    }

    /// <summary>A key the pool does not publish, so its tokens carry an unknown kid.</summary>
    private static BenchKey Stranger { get; } = new("stranger");

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static string Uuid(int serial, int field) =>
        string.Create(CultureInfo.InvariantCulture, $"{serial:x8}-{field:x4}-4{serial % 0xfff:x3}-8{field:x3}-{(serial * 7919L) + field:x12}");
}
