using System.Text.Json;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The claims of a token payload, read in one pass with <see cref="Utf8JsonReader"/>. Known claims are type-checked
/// (a string <c>exp</c> or a numeric <c>iss</c> is rejected, as is any name given twice); other claims may hold any
/// JSON. Read before the signature is checked, so nothing here is trusted until it is.
/// </summary>
internal struct TokenPayload : IJsonMemberReader
{
    private IReadOnlyList<TrustedPool>? _pools;

    /// <summary>The trusted pool whose issuer equals <c>iss</c>, or null.</summary>
    public TrustedPool? Pool;

    public bool HasTokenUse;
    public CognitoTokenUse TokenUse;
    public string? Audience;
    public string[]? Audiences;
    public string? ClientId;
    public long? Expires;
    public long? NotBefore;
    public long? IssuedAt;
    public string? Subject;
    public string? Username;
    public string? CognitoUsername;
    public string? Email;
    public string? Scope;
    public string? TokenId;
    public string[]? Groups;

    /// <summary>Whether some names went unchecked for duplicates: <see cref="JsonDuplicateCheck"/> is still owed.</summary>
    public bool NamesUnchecked;

    public static CognitoTokenFailure Parse(ReadOnlySpan<byte> json, IReadOnlyList<TrustedPool> pools, out TokenPayload payload)
    {
        payload = default;
        payload._pools = pools;
        var failure = JsonObjectReader.Read(json, ref payload, out var namesUnchecked);
        payload.NamesUnchecked = namesUnchecked;
        return failure;
    }

    public CognitoTokenFailure ReadMember(scoped ReadOnlySpan<byte> name, scoped ref Utf8JsonReader reader, ref bool nested)
    {
        switch (name.Length)
        {
            case 3 when name.SequenceEqual("iss"u8):
                return ReadIssuer(ref reader, _pools!);
            case 3 when name.SequenceEqual("sub"u8):
                return ReadString(ref reader, out Subject);
            case 3 when name.SequenceEqual("aud"u8):
                return ReadAudience(ref reader);
            case 3 when name.SequenceEqual("exp"u8):
                return ReadNumericDate(ref reader, out Expires);
            case 3 when name.SequenceEqual("nbf"u8):
                return ReadNumericDate(ref reader, out NotBefore);
            case 3 when name.SequenceEqual("iat"u8):
                return ReadNumericDate(ref reader, out IssuedAt);
            case 3 when name.SequenceEqual("jti"u8):
                return ReadString(ref reader, out TokenId);
            case 5 when name.SequenceEqual("scope"u8):
                return ReadString(ref reader, out Scope);
            case 5 when name.SequenceEqual("email"u8):
                return ReadString(ref reader, out Email);
            case 8 when name.SequenceEqual("username"u8):
                return ReadString(ref reader, out Username);
            case 9 when name.SequenceEqual("token_use"u8):
                return ReadTokenUse(ref reader);
            case 9 when name.SequenceEqual("client_id"u8):
                return ReadString(ref reader, out ClientId);
            case 9 when name.SequenceEqual("auth_time"u8):
                return ReadNumericDate(ref reader, out _);
            case 14 when name.SequenceEqual("cognito:groups"u8):
                return ReadStringArray(ref reader, out Groups);
            case 16 when name.SequenceEqual("cognito:username"u8):
                return ReadString(ref reader, out CognitoUsername);
            default:
                JsonObjectReader.SkipUnknown(ref reader, ref nested);
                return CognitoTokenFailure.None;
        }
    }

    private CognitoTokenFailure ReadIssuer(ref Utf8JsonReader reader, IReadOnlyList<TrustedPool> pools)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return CognitoTokenFailure.InvalidClaimType;
        }

        for (var i = 0; i < pools.Count; i++)
        {
            if (reader.ValueTextEquals(pools[i].IssuerUtf8))
            {
                Pool = pools[i];
                break;
            }
        }

        return CognitoTokenFailure.None;
    }

    private CognitoTokenFailure ReadTokenUse(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return CognitoTokenFailure.InvalidClaimType;
        }

        HasTokenUse = true;
        TokenUse = reader.ValueTextEquals("id"u8) ? CognitoTokenUse.Id
            : reader.ValueTextEquals("access"u8) ? CognitoTokenUse.Access
            : CognitoTokenUse.Any;
        return CognitoTokenFailure.None;
    }

    private CognitoTokenFailure ReadAudience(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Audience = reader.GetString();
            return CognitoTokenFailure.None;
        }

        return ReadStringArray(ref reader, out Audiences);
    }

    private static CognitoTokenFailure ReadString(ref Utf8JsonReader reader, out string? value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            value = null;
            return CognitoTokenFailure.InvalidClaimType;
        }

        value = reader.GetString();
        return CognitoTokenFailure.None;
    }

    private static CognitoTokenFailure ReadNumericDate(ref Utf8JsonReader reader, out long? value)
    {
        // Integers only: Cognito writes whole seconds, and a fractional or exponent form is not worth the ambiguity.
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds))
        {
            value = seconds;
            return CognitoTokenFailure.None;
        }

        value = null;
        return CognitoTokenFailure.InvalidClaimType;
    }

    private static CognitoTokenFailure ReadStringArray(ref Utf8JsonReader reader, out string[]? values)
    {
        values = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return CognitoTokenFailure.InvalidClaimType;
        }

        // A copy of the reader counts the elements first, so the array is allocated once at its size.
        var probe = reader;
        var count = 0;
        while (probe.Read() && probe.TokenType != JsonTokenType.EndArray)
        {
            if (probe.TokenType != JsonTokenType.String)
            {
                return CognitoTokenFailure.InvalidClaimType;
            }

            count++;
        }

        var result = count == 0 ? [] : new string[count];
        for (var i = 0; i < count; i++)
        {
            reader.Read();
            result[i] = reader.GetString()!;
        }

        reader.Read();
        values = result;
        return CognitoTokenFailure.None;
    }
}
