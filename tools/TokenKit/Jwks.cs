using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.Tokens;

/// <summary>JWKS documents.</summary>
public static class Jwks
{
    public static string Of(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray(keys) }.ToJsonString();

    /// <summary>The public keys of <paramref name="keys"/>, each under its own kid.</summary>
    public static string Of(params TestKey[] keys) => Of([.. keys.Select(k => k.Jwk())]);

    /// <summary>
    /// Pool A's JWKS: keys 1 and 2, plus keys no RS256 verifier may use, each under its own kid.
    /// </summary>
    public static string PoolA(params TestKey[] extra) => Of(
        [
            TestKey.Key1.Jwk(),
            TestKey.Key2.Jwk(),
            .. extra.Select(k => k.Jwk()),
            TestKey.Key1.Jwk("enc-key", ("use", "enc")),
            TestKey.Key1.Jwk("rs384-key", ("alg", "RS384")),
            TestKey.Key1.Jwk("no-n-key", ("n", null)),
            TestKey.Small.Jwk(),
            TestKey.Key1.Jwk("dup-key"),
            TestKey.Key2.Jwk("dup-key"),
            new JsonObject
            {
                ["kty"] = "EC", ["kid"] = "ec-key", ["use"] = "sig", ["crv"] = "P-256",
                ["x"] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", ["y"] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
            },
        ]);

    public static string PoolB() => Of(TestKey.Key4.Jwk());
}
