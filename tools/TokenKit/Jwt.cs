using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.Tokens;

/// <summary>Reads a JWT's parts without validating anything: for asserting on tokens a peer issued.</summary>
public static class Jwt
{
    /// <summary>The decoded header.</summary>
    public static JsonObject Header(string jwt) => Part(jwt, 0);

    /// <summary>The decoded payload (claims).</summary>
    public static JsonObject Payload(string jwt) => Part(jwt, 1);

    /// <summary>exp − iat in seconds.</summary>
    public static long Lifetime(JsonNode claims) => claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>();

    private static JsonObject Part(string jwt, int index) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[index]))!.AsObject();
}
