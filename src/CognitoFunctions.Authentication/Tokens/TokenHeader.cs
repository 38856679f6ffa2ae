using System.Text.Json;

namespace CognitoFunctions.Authentication;

/// <summary>The JOSE header of a compact JWS: <c>alg</c>, <c>kid</c> (into the caller's buffer), <c>typ</c>, <c>crit</c>.</summary>
internal ref struct TokenHeader : IJsonMemberReader
{
    private readonly Span<char> _keyId;

    private TokenHeader(Span<char> keyId) => _keyId = keyId;

    /// <summary>Whether <c>alg</c> is exactly RS256.</summary>
    public bool IsRs256 { get; private set; }

    /// <summary>Characters of <c>kid</c> written to the caller's buffer; 0 when absent, −1 when longer than the buffer.</summary>
    public int KeyIdLength { get; private set; }

    /// <summary>Whether a <c>crit</c> parameter asks for extensions (none is understood).</summary>
    public bool HasCritical { get; private set; }

    /// <summary>Whether some names went unchecked for duplicates: <see cref="JsonDuplicateCheck"/> is still owed.</summary>
    public bool NamesUnchecked { get; private set; }

    public static CognitoTokenFailure Parse(ReadOnlySpan<byte> json, Span<char> keyId, out TokenHeader header)
    {
        header = new TokenHeader(keyId);
        var failure = JsonObjectReader.Read(json, ref header, out var namesUnchecked);
        header.NamesUnchecked = namesUnchecked;
        return failure;
    }

    public CognitoTokenFailure ReadMember(scoped ReadOnlySpan<byte> name, scoped ref Utf8JsonReader reader, ref bool nested)
    {
        if (name.SequenceEqual("alg"u8))
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return CognitoTokenFailure.InvalidClaimType;
            }

            IsRs256 = reader.ValueTextEquals("RS256"u8);
        }
        else if (name.SequenceEqual("kid"u8))
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return CognitoTokenFailure.InvalidClaimType;
            }

            // UTF-8 bytes are never fewer than the UTF-16 characters they decode to, so this bound is safe.
            KeyIdLength = reader.ValueSpan.Length <= _keyId.Length ? reader.CopyString(_keyId) : -1;
        }
        else if (name.SequenceEqual("typ"u8))
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return CognitoTokenFailure.InvalidClaimType;
            }
        }
        else if (name.SequenceEqual("crit"u8))
        {
            HasCritical = true;
            reader.Skip();
        }
        else
        {
            JsonObjectReader.SkipUnknown(ref reader, ref nested);
        }

        return CognitoTokenFailure.None;
    }
}
