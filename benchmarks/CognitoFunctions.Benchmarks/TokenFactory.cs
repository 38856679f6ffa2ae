using System.Globalization;
using CognitoFunctions.Testing.Tokens;

namespace CognitoFunctions.Benchmarks;

/// <summary>
/// Writes tokens of Cognito's shape (claims, order and sizes as a real pool issues them, about 1,080 characters),
/// each with its own sub, jti, origin_jti and event_id so that no two tokens are alike.
/// </summary>
internal sealed class TokenFactory(TestKey idKey, TestKey accessKey)
{
    private static readonly string[] Groups = ["editors", "admins"];

    /// <summary>A key the pool does not publish, so its tokens carry an unknown kid.</summary>
    private static TestKey Stranger { get; } = new("stranger");

    public BenchToken Create(bool access, int serial, TokenKind kind, DateTimeOffset now)
    {
        var key = access ? accessKey : idKey;
        var issuer = kind == TokenKind.WrongIssuer ? BenchPool.ForeignIssuer : BenchPool.Issuer;
        var client = kind == TokenKind.WrongClient ? BenchPool.ForeignClientId : BenchPool.ClientId;
        var issued = kind == TokenKind.Expired ? now.AddHours(-2) : now.AddMinutes(-5);
        var sub = Uuid(serial, 1);
        var token = (access ? TestToken.Access(issued, key, issuer, client) : TestToken.Id(issued, key, issuer, client))
            .Set("sub", sub)
            .Set("cognito:groups", Groups)
            .Set("origin_jti", Uuid(serial, 2))
            .Set("event_id", Uuid(serial, 3))
            .Set("jti", Uuid(serial, 4));
        if (access)
        {
            token.Set("scope", "aws.cognito.signin.user.admin openid").Set("username", sub);
        }
        else
        {
            token.Set("cognito:username", sub).Set("email", string.Create(CultureInfo.InvariantCulture, $"user{serial:D6}@example.com"));
        }

        if (kind == TokenKind.UnknownKid)
        {
            token.SetHeader("kid", "unknown-kid-00000000000000000000000000000000").SignWith(Stranger);
        }
        else if (kind == TokenKind.BadSignature)
        {
            // A signature of the right length made by the right key, over other bytes: what tampering looks like.
            token.SignWith(input => key.Sign([.. input, (byte)'x']));
        }

        return new BenchToken(token.Encode(), access, key);
    }

    private static string Uuid(int serial, int field) =>
        string.Create(CultureInfo.InvariantCulture, $"{serial:x8}-{field:x4}-4{serial % 0xfff:x3}-8{field:x3}-{(serial * 7919L) + field:x12}");
}
