using System.Text.Json;
using System.Text.Unicode;

namespace CognitoFunctions.Authentication;

/// <summary>The JOSE header of a compact JWS, read with <see cref="Utf8JsonReader"/>: <c>alg</c>, <c>kid</c>, <c>typ</c>, <c>crit</c>.</summary>
internal struct TokenHeader
{
    /// <summary>Whether <c>alg</c> is exactly RS256.</summary>
    public bool IsRs256;

    /// <summary>Characters of <c>kid</c> written to the caller's buffer; 0 when absent, −1 when longer than the buffer.</summary>
    public int KeyIdLength;

    /// <summary>Whether a <c>crit</c> parameter asks for extensions (none is understood).</summary>
    public bool HasCritical;

    public static CognitoTokenFailure Parse(ReadOnlySpan<byte> json, Span<char> keyId, out TokenHeader header)
    {
        header = default;
        if (!Utf8.IsValid(json))
        {
            return CognitoTokenFailure.Malformed;
        }

        Span<byte> nameBytes = stackalloc byte[256];
        Span<int> nameEnds = stackalloc int[16];
        Span<byte> scratch = stackalloc byte[JsonLimits.NameScratchBytes];
        var names = new ClaimNameSet(nameBytes, nameEnds, scratch);
        var nested = false;
        scoped Utf8JsonReader reader = new(json, JsonLimits.ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return CognitoTokenFailure.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = names.Add(ref reader, out var duplicate);
                if (duplicate)
                {
                    return CognitoTokenFailure.DuplicateClaim;
                }

                reader.Read();
                var failure = ReadParameter(name, ref reader, keyId, ref header, ref nested);
                if (failure != CognitoTokenFailure.None)
                {
                    return failure;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return CognitoTokenFailure.Malformed;
            }
        }
        catch (JsonException)
        {
            return CognitoTokenFailure.Malformed;
        }
        catch (InvalidOperationException)
        {
            // A string the reader cannot transcode (a lone surrogate escape).
            return CognitoTokenFailure.Malformed;
        }

        return (nested || names.Overflowed) && JsonDuplicateCheck.HasDuplicates(json)
            ? CognitoTokenFailure.DuplicateClaim
            : CognitoTokenFailure.None;
    }

    private static CognitoTokenFailure ReadParameter(
        scoped ReadOnlySpan<byte> name, scoped ref Utf8JsonReader reader, Span<char> keyId, ref TokenHeader header, ref bool nested)
    {
        if (name.SequenceEqual("alg"u8))
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return CognitoTokenFailure.InvalidClaimType;
            }

            header.IsRs256 = reader.ValueTextEquals("RS256"u8);
        }
        else if (name.SequenceEqual("kid"u8))
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return CognitoTokenFailure.InvalidClaimType;
            }

            // UTF-8 bytes are never fewer than the UTF-16 characters they decode to, so this bound is safe.
            header.KeyIdLength = reader.ValueSpan.Length <= keyId.Length ? reader.CopyString(keyId) : -1;
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
            header.HasCritical = true;
            reader.Skip();
        }
        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            nested = true;
            reader.Skip();
        }

        return CognitoTokenFailure.None;
    }
}
