using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CognitoFunctions.Testing.Tokens;

/// <summary>
/// Builds compact tokens member by member, as raw JSON, so a test can write what no JWT library would: a claim
/// twice, a claim of the wrong type, escaped names, a foreign algorithm. Signed with a <see cref="TestKey"/>.
/// </summary>
public sealed class TestToken
{
    private static readonly string[] IdGroups = ["editors", "admins"];
    private static readonly string[] AccessGroups = ["editors"];
    private readonly List<KeyValuePair<string, string>> _header = [];
    private readonly List<KeyValuePair<string, string>> _claims = [];
    private TestKey _key;
    private Func<byte[], byte[]>? _signer;

    private TestToken(TestKey key)
    {
        _key = key;
        SetHeader("kid", key.Kid).SetHeader("alg", "RS256");
    }

    /// <summary>A token with a header (RS256, the key's kid) and no claims.</summary>
    public static TestToken Empty(TestKey key) => new(key);

    /// <summary>An ID token of pool A as Cognito issues it, valid for an hour from <paramref name="now"/>.</summary>
    public static TestToken Id(DateTimeOffset now, TestKey? key = null, string issuer = "", string client = TestPools.ClientA1)
    {
        var token = new TestToken(key ?? TestKey.Key1);
        return token.Set("sub", "5f1c2d3e-0000-4000-8000-00000000a001")
            .Set("cognito:groups", IdGroups)
            .Set("email_verified", true)
            .Set("iss", issuer.Length == 0 ? TestPools.IssuerA : issuer)
            .Set("cognito:username", "5f1c2d3e-0000-4000-8000-00000000a001")
            .Set("origin_jti", "0b8a6c1e-1111-4111-8111-111111111111")
            .Set("aud", client)
            .Set("event_id", "6f9c0a55-2222-4222-8222-222222222222")
            .Set("token_use", "id")
            .Set("auth_time", now.ToUnixTimeSeconds())
            .Set("exp", now.AddHours(1).ToUnixTimeSeconds())
            .Set("iat", now.ToUnixTimeSeconds())
            .Set("jti", "d3b07384-3333-4333-8333-333333333333")
            .Set("email", "user@example.com");
    }

    /// <summary>An access token of pool A as Cognito issues it, valid for an hour from <paramref name="now"/>.</summary>
    public static TestToken Access(DateTimeOffset now, TestKey? key = null, string issuer = "", string client = TestPools.ClientA1)
    {
        var token = new TestToken(key ?? TestKey.Key2);
        return token.Set("sub", "5f1c2d3e-0000-4000-8000-00000000a001")
            .Set("cognito:groups", AccessGroups)
            .Set("iss", issuer.Length == 0 ? TestPools.IssuerA : issuer)
            .Set("version", 2)
            .Set("client_id", client)
            .Set("origin_jti", "0b8a6c1e-1111-4111-8111-111111111111")
            .Set("event_id", "6f9c0a55-2222-4222-8222-222222222222")
            .Set("token_use", "access")
            .Set("scope", "aws.cognito.signin.user.admin orders/read")
            .Set("auth_time", now.ToUnixTimeSeconds())
            .Set("exp", now.AddHours(1).ToUnixTimeSeconds())
            .Set("iat", now.ToUnixTimeSeconds())
            .Set("jti", "e4d909c2-4444-4444-8444-444444444444")
            .Set("username", "5f1c2d3e-0000-4000-8000-00000000a001");
    }

    /// <summary>Replaces a claim (or appends it), serialized as JSON.</summary>
    public TestToken Set(string name, object? value) => SetRaw(name, JsonSerializer.Serialize(value));

    public TestToken SetRaw(string name, string json) => Put(_claims, name, json);

    /// <summary>Appends a claim even if the name is present: a duplicate.</summary>
    public TestToken AddRaw(string name, string json)
    {
        _claims.Add(new(name, json));
        return this;
    }

    public TestToken Remove(string name)
    {
        _claims.RemoveAll(c => c.Key == name);
        return this;
    }

    public TestToken SetHeader(string name, object? value) => SetHeaderRaw(name, JsonSerializer.Serialize(value));

    public TestToken SetHeaderRaw(string name, string json) => Put(_header, name, json);

    public TestToken AddHeaderRaw(string name, string json)
    {
        _header.Add(new(name, json));
        return this;
    }

    public TestToken RemoveHeader(string name)
    {
        _header.RemoveAll(c => c.Key == name);
        return this;
    }

    /// <summary>Signs with another key (the header's kid stays as it is).</summary>
    public TestToken SignWith(TestKey key)
    {
        _key = key;
        return this;
    }

    /// <summary>Signs the signing input with a function of the test's own (HS256, none, ...).</summary>
    public TestToken SignWith(Func<byte[], byte[]> signer)
    {
        _signer = signer;
        return this;
    }

    public string HeaderJson => Json(_header);

    public string PayloadJson => Json(_claims);

    public string Encode() => Encode(HeaderJson, PayloadJson);

    public string Encode(string headerJson, string payloadJson) => EncodeBytes(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson));

    public string EncodeBytes(byte[] header, byte[] payload)
    {
        return SignInput($"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(payload)}");
    }

    /// <summary>Signs any text as the signing input ("header.payload" as spelled) and appends the signature.</summary>
    public string SignInput(string input)
    {
        var data = Encoding.ASCII.GetBytes(input);
        var signature = _signer is null ? _key.Sign(data) : _signer(data);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    public override string ToString() => Encode();

    public static byte[] Hs256(byte[] secret, byte[] data) => HMACSHA256.HashData(secret, data);

    private TestToken Put(List<KeyValuePair<string, string>> members, string name, string json)
    {
        var index = members.FindIndex(m => m.Key == name);
        if (index >= 0)
        {
            members[index] = new(name, json);
        }
        else
        {
            members.Add(new(name, json));
        }

        return this;
    }

    private static string Json(List<KeyValuePair<string, string>> members) =>
        "{" + string.Join(",", members.Select(m => $"{Name(m.Key)}:{m.Value}")) + "}";

    // A name given already quoted is written as it is, so tests can spell names with escapes ("s\u0075b").
    private static string Name(string name) => name.StartsWith('"') ? name : JsonSerializer.Serialize(name);
}
