using System.Text;
using CognitoFunctions.Authentication.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CognitoFunctions.Authentication.Tests.Tokens;

/// <summary>
/// The parser fuzzed: random text, JWT-shaped noise, every kind of change to a valid token, and random
/// claim sets and headers signed with a trusted key. No exception escapes, nothing invalid is accepted, and a signed
/// claim set or header is accepted exactly when an independent model of the rules says it should be: each claim and
/// header parameter only in the JSON type Cognito gives it.
/// </summary>
public sealed class CognitoTokenValidatorPropertyTests(LoadedHarnessFixture fixture) : IClassFixture<LoadedHarnessFixture>
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private AuthHarness Harness => fixture.Harness;

    [Property(MaxTest = 1000)]
    public bool Any_text_is_rejected_without_an_exception(string? text) => text is null || !Validate(text).IsValid;

    [Property(MaxTest = 1000)]
    public Property Jwt_shaped_noise_is_rejected_without_an_exception() =>
        Prop.ForAll(JwtShapedNoise().ToArbitrary(), token => !Validate(token).IsValid);

    [Property(MaxTest = 1000)]
    public Property Any_change_to_a_valid_token_is_rejected()
    {
        var valid = TestToken.Access(Harness.Now).Encode();
        Assert.True(Validate(valid).IsValid);
        return Prop.ForAll(Mutations(valid.Length).ToArbitrary(), mutation =>
        {
            var changed = mutation(valid);
            return changed == valid || !Validate(changed).IsValid;
        });
    }

    [Property(MaxTest = 300)]
    public Property A_signed_claim_set_is_accepted_exactly_when_it_follows_the_rules()
    {
        var now = Harness.Now.ToUnixTimeSeconds();
        return Prop.ForAll(ClaimSets(now).ToArbitrary(), claims =>
        {
            var token = TestToken.Empty(TestKey.Key1);
            foreach (var claim in claims)
            {
                token.AddRaw(claim.Name, claim.Json);
            }

            var result = Validate(token.Encode());
            return (result.IsValid == ClaimModel.Accepts(claims, now)).Label($"ours: {result}; claims: {token.PayloadJson}");
        });
    }

    [Property(MaxTest = 200)]
    public Property A_signed_header_is_accepted_exactly_when_it_follows_the_rules()
    {
        var payload = TestToken.Id(Harness.Now).PayloadJson;
        return Prop.ForAll(Headers().ToArbitrary(), header =>
        {
            var json = "{" + string.Join(",", header.Select(p => $"\"{p.Name}\":{p.Json}")) + "}";
            var result = Validate(TestToken.Empty(TestKey.Key1).Encode(json, payload));
            var accepts = header.All(p => p.Value != ClaimModel.WrongType)
                && header.Any(p => p.Name == "alg" && Equals(p.Value, "RS256"))
                && header.Any(p => p.Name == "kid" && Equals(p.Value, TestKey.Key1.Kid));
            return (result.IsValid == accepts).Label($"ours: {result}; header: {json}");
        });
    }

    [Fact]
    public void The_signed_claim_sets_are_both_accepted_and_rejected_in_fair_shares()
    {
        var now = Harness.Now.ToUnixTimeSeconds();

        var accepted = Gen.Sample(ClaimSets(now), 300).Count(claims => ClaimModel.Accepts(claims, now));

        Assert.InRange(accepted, 30, 270);
    }

    private CognitoTokenValidationResult Validate(string token) => Harness.Validator.ValidateAsync(token).AsTask().GetAwaiter().GetResult();

    private static Gen<string> JwtShapedNoise()
    {
        var json = Gen.Elements(
            "{}", "{\"alg\":\"RS256\",\"kid\":\"key-1\"}", "{\"alg\":\"none\"}", "[]", "null", "{\"a\":", "{\"a\":1,\"a\":2}",
            "{\"iss\":\"" + TestPools.IssuerA + "\",\"token_use\":\"id\"}", "\"str\"", "{\"\\ud800\":1}", "{\"exp\":1e999}");
        var segment = Gen.OneOf(
            json.Select(j => Convert.ToBase64String(Encoding.UTF8.GetBytes(j)).TrimEnd('=').Replace('+', '-').Replace('/', '_')),
            Gen.ArrayOf(Gen.Elements(Base64UrlAlphabet.ToCharArray())).Select(chars => new string(chars)),
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<char>()).Select(chars => new string(chars)));
        return Gen.Choose(1, 6).SelectMany(count => Gen.ArrayOf(segment, count)).Select(parts => string.Join('.', parts));
    }

    private static Gen<Func<string, string>> Mutations(int length)
    {
        var position = Gen.Choose(0, length - 1);
        var character = Gen.Elements((Base64UrlAlphabet + ".=+/ \u00e9\0").ToCharArray());
        return Gen.OneOf(
            position.SelectMany(p => character.Select(c => (Func<string, string>)(t => t[..p] + c + t[(p + 1)..]))),
            position.SelectMany(p => character.Select(c => (Func<string, string>)(t => t.Insert(p, c.ToString())))),
            position.Select(p => (Func<string, string>)(t => t.Remove(p, 1))),
            position.Select(p => (Func<string, string>)(t => t[..p])),
            Gen.Constant((Func<string, string>)(t => string.Join('.', t.Split('.').Reverse()))),
            Gen.Constant((Func<string, string>)(t => t.Split('.')[1] + "." + t.Split('.')[0] + "." + t.Split('.')[2])));
    }

    private static Gen<ClaimModel.Claim[]> Headers()
    {
        var bad = ClaimModel.WrongType;
        var parameters = new[]
        {
            Variant("alg", ("\"RS256\"", "RS256"), ("\"HS256\"", "HS256"), ("256", bad), ("null", bad), ("", null)),
            Variant("kid", ($"\"{TestKey.Key1.Kid}\"", TestKey.Key1.Kid), ("1", bad), ($"[\"{TestKey.Key1.Kid}\"]", bad), ("", null)),
            Variant("typ", ("", null), ("\"JWT\"", "ok"), ("[\"JWT\"]", bad), ("null", bad), ("1", bad)),
        };
        return from header in Gen.CollectToArray(parameters)
               from order in Gen.Shuffle(header.Where(p => p is not null).Select(p => p!).ToArray())
               select order;
    }

    /// <summary>
    /// One member's variants, the first (what Cognito writes) most often, so that a fair share of what is generated is
    /// valid and a property tests acceptance as well as rejection; an empty JSON text leaves the member out.
    /// </summary>
    private static Gen<ClaimModel.Claim?> Variant(string name, params (string Json, object? Value)[] variants) =>
        Gen.Frequency(variants.Select((v, i) => (i == 0 ? 6 * variants.Length : 1, Gen.Constant(v))))
            .Select(v => v.Json.Length == 0 ? null : new ClaimModel.Claim(name, v.Json, v.Value));

    private static Gen<ClaimModel.Claim[]> ClaimSets(long now)
    {
        var bad = ClaimModel.WrongType;
        var known = new[]
        {
            Variant("iss", ($"\"{TestPools.IssuerA}\"", TestPools.IssuerA), ("\"https://evil.example.com\"", "https://evil.example.com"), ("7", bad), ("", null)),
            Variant("token_use", ("\"id\"", "id"), ("\"access\"", "access"), ("\"refresh\"", "refresh"), ("1", bad), ("", null)),
            Variant("aud", ($"\"{TestPools.ClientA1}\"", TestPools.ClientA1), ($"[\"{TestPools.ClientA1}\"]", bad), ($"[\"x\",\"{TestPools.ClientA2}\"]", bad), ("\"other\"", "other"), ("[\"other\"]", bad), ("[1]", bad), ("", null)),
            Variant("client_id", ($"\"{TestPools.ClientA2}\"", TestPools.ClientA2), ("\"other\"", "other"), ("{}", bad), ("", null)),
            Variant("sub", ("\"user-1\"", "user-1"), ("\"\"", ""), ("1", bad), ("", null)),
            Variant("exp", ($"{now + 3600}", now + 3600), ($"{now - 3600}", now - 3600), ($"\"{now + 3600}\"", bad), ($"{now + 3600}.5", bad), ("", null)),
            Variant("nbf", ("", null), ($"{now - 60}", now - 60), ($"{now + 600}", now + 600), ($"{now + 7200}", now + 7200), ("true", bad)),
            Variant("iat", ("", null), ($"{now}", now), ("\"now\"", bad)),
            Variant("auth_time", ("", null), ($"{now}", "ok"), ($"\"{now}\"", bad), ($"{now}.5", bad)),
            Variant("cognito:groups", ("", null), ("[\"a\",\"b\"]", "ok"), ("\"a\"", bad), ("[\"a\",null]", bad)),
            Variant("scope", ("", null), ("\"openid email\"", "ok"), ("[\"openid\"]", bad)),
            Variant("email", ("", null), ("\"a@example.com\"", "ok"), ("false", bad), ("null", bad)),
            Variant("email_verified", ("", null), ("true", "ok"), ("false", "ok"), ("\"true\"", bad), ("1", bad)),
            Variant("username", ("", null), ("\"u\"", "ok"), ("1", bad)),
            Variant("cognito:username", ("", null), ("\"u\"", "ok"), ("[\"u\"]", bad)),
            Variant("jti", ("", null), ("\"j\"", "ok"), ("{}", bad)),
            Variant("origin_jti", ("", null), ("\"o\"", "ok"), ("7", bad)),
            Variant("event_id", ("", null), ("\"e\"", "ok"), ("null", bad)),
        };
        var extra = Gen.Elements(
            new ClaimModel.Claim("custom:tenant", "\"t1\"", "ok"),
            new ClaimModel.Claim("identities", "[{\"providerName\":\"Google\"}]", "ok"),
            new ClaimModel.Claim("nested", "{\"a\":{\"a\":1}}", "ok"),
            new ClaimModel.Claim("nested_duplicate", "{\"a\":1,\"a\":2}", ClaimModel.Duplicate),
            new ClaimModel.Claim("\"s\\u0075b\"", "\"escaped\"", "escaped"),
            new ClaimModel.Claim("__proto__", "{\"admin\":true}", "ok"),
            new ClaimModel.Claim("num", "1e308", "ok"),
            new ClaimModel.Claim("nil", "null", "ok"));

        return from claims in Gen.CollectToArray(known)
               from extras in Gen.Frequency((3, Gen.Constant(new List<ClaimModel.Claim>())), (1, Gen.ListOf(extra, 2)))
               from order in Gen.Shuffle(claims.Where(c => c is not null).Select(c => c!).Concat(extras).ToArray())
               select order;
    }

    /// <summary>The rules, written independently of the validator: what a signed claim set must satisfy.</summary>
    private static class ClaimModel
    {
        public static readonly object WrongType = new();
        public static readonly object Duplicate = new();

        public sealed record Claim(string Name, string Json, object? Value);

        public static bool Accepts(IReadOnlyList<Claim> claims, long now)
        {
            var byName = new Dictionary<string, object?>();
            foreach (var claim in claims)
            {
                var name = claim.Name == "\"s\\u0075b\"" ? "sub" : claim.Name;
                if (!byName.TryAdd(name, claim.Value) || claim.Value == Duplicate || claim.Value == WrongType)
                {
                    return false;
                }
            }

            object? Get(string name) => byName.GetValueOrDefault(name);
            if (!Equals(Get("iss"), TestPools.IssuerA))
            {
                return false;
            }

            string[] clients = [TestPools.ClientA1, TestPools.ClientA2];
            var clientOk = Get("token_use") switch
            {
                "id" => Get("aud") is string audience && clients.Contains(audience),
                "access" => Get("client_id") is string clientId && clients.Contains(clientId),
                _ => false,
            };
            if (!clientOk || string.IsNullOrEmpty(Get("sub") as string) || Get("exp") is not long exp || exp < now - 30)
            {
                return false;
            }

            return Get("nbf") is not long nbf || (nbf <= now + 30 && nbf <= exp);
        }
    }
}
