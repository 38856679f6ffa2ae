using System.Security.Cryptography;

namespace CognitoFunctions.Authentication;

/// <summary>
/// One RS256 public key of a pool's JWKS, imported once into the BCL's <see cref="RSA"/>. Verification on a shared
/// instance is safe: each call creates its own native context. A key that leaves the JWKS is marked retired, which
/// invalidates every cached token it signed at once.
/// </summary>
internal sealed class SigningKey
{
    private volatile bool _retired;

    private SigningKey(string keyId, RSA rsa, byte[] modulus, byte[] exponent)
    {
        KeyId = keyId;
        Rsa = rsa;
        Modulus = modulus;
        Exponent = exponent;
        SignatureLength = rsa.KeySize / 8;
    }

    public string KeyId { get; }

    public RSA Rsa { get; }

    public byte[] Modulus { get; }

    public byte[] Exponent { get; }

    /// <summary>Bytes of a signature made with this key: the modulus length.</summary>
    public int SignatureLength { get; }

    public bool IsRetired => _retired;

    public void Retire() => _retired = true;

    /// <summary>Imports a key; null (with the reason) when the values do not make a usable RSA key.</summary>
    public static SigningKey? TryCreate(string keyId, byte[] modulus, byte[] exponent, out string? whyNot)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = exponent });
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            whyNot = "its n and e are not an RSA public key";
            return null;
        }

        if (rsa.KeySize is < 2048 or > 8192)
        {
            whyNot = $"its modulus has {rsa.KeySize} bits (2048 to 8192 are accepted)";
            rsa.Dispose();
            return null;
        }

        whyNot = null;
        return new SigningKey(keyId, rsa, modulus, exponent);
    }

    public bool HasSameKey(SigningKey other) =>
        Modulus.AsSpan().SequenceEqual(other.Modulus) && Exponent.AsSpan().SequenceEqual(other.Exponent);

    public bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            return Rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
