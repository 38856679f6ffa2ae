using System.Buffers.Text;
using Microsoft.IdentityModel.Tokens;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The usable RS256 keys of one JWKS document, by <c>kid</c>, looked up from a span without allocating. Keys the
/// document lists but that cannot verify RS256 (wrong <c>kty</c>, <c>use</c> or <c>alg</c>, missing or short modulus,
/// a <c>kid</c> given twice) are remembered as unusable, so tokens naming them are rejected without a refetch.
/// </summary>
internal sealed class SigningKeySet
{
    private readonly Dictionary<string, SigningKey> _keys;
    private readonly Dictionary<string, SigningKey>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;
    private readonly Dictionary<string, string> _unusable;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _unusableLookup;

    private SigningKeySet(Dictionary<string, SigningKey> keys, Dictionary<string, string> unusable)
    {
        _keys = keys;
        _keyLookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _unusable = unusable;
        _unusableLookup = unusable.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyCollection<SigningKey> Keys => _keys.Values;

    /// <summary>Keys skipped, by <c>kid</c>, with the reason (for the log).</summary>
    public IReadOnlyDictionary<string, string> Unusable => _unusable;

    public KeyLookup Find(ReadOnlySpan<char> keyId, out SigningKey? key)
    {
        if (_keyLookup.TryGetValue(keyId, out key))
        {
            return KeyLookup.Found;
        }

        return _unusableLookup.ContainsKey(keyId) ? KeyLookup.Unusable : KeyLookup.Unknown;
    }

    /// <summary>
    /// Reads a JWKS document; null when it is not one. Keys equal to keys of <paramref name="previous"/> are
    /// carried over as the same objects, so tokens they signed stay cached.
    /// </summary>
    public static SigningKeySet? Parse(string json, SigningKeySet? previous)
    {
        JsonWebKeySet document;
        try
        {
            document = new JsonWebKeySet(json);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        var unusable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var jwk in document.Keys)
        {
            var kid = jwk.Kid;
            if (string.IsNullOrEmpty(kid) || kid.Length > JsonLimits.MaxKeyIdLength)
            {
                continue;
            }

            if (keys.Remove(kid) || unusable.ContainsKey(kid))
            {
                // Two keys under one kid: which one signed a token cannot be told, so neither is used.
                unusable[kid] = "the JWKS lists this kid more than once";
                continue;
            }

            if (TryImport(jwk, previous, out var key, out var whyNot))
            {
                keys.Add(kid, key);
            }
            else
            {
                unusable.Add(kid, whyNot);
            }
        }

        return new SigningKeySet(keys, unusable);
    }

    private static bool TryImport(JsonWebKey jwk, SigningKeySet? previous, out SigningKey key, out string whyNot)
    {
        key = null!;
        if (!string.Equals(jwk.Kty, "RSA", StringComparison.Ordinal))
        {
            whyNot = "its kty is not RSA";
            return false;
        }

        if (!string.IsNullOrEmpty(jwk.Use) && !string.Equals(jwk.Use, "sig", StringComparison.Ordinal))
        {
            whyNot = "its use is not sig";
            return false;
        }

        if (!string.IsNullOrEmpty(jwk.Alg) && !string.Equals(jwk.Alg, "RS256", StringComparison.Ordinal))
        {
            whyNot = "its alg is not RS256";
            return false;
        }

        if (!TryDecode(jwk.N, out var modulus) || !TryDecode(jwk.E, out var exponent))
        {
            whyNot = "its n or e is missing or not base64url";
            return false;
        }

        var created = SigningKey.TryCreate(jwk.Kid, modulus, exponent, out var reason);
        if (created is null)
        {
            whyNot = reason!;
            return false;
        }

        if (previous?._keys.GetValueOrDefault(jwk.Kid) is { } old && old.HasSameKey(created))
        {
            created.Rsa.Dispose();
            key = old;
        }
        else
        {
            key = created;
        }

        whyNot = "";
        return true;
    }

    private static bool TryDecode(string? value, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(value.Length)];
        if (!Base64UrlSegment.TryDecode(value, buffer, out var written) || written == 0)
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }
}
