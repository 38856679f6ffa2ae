using System.Text.Json;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The claims of a token payload, read in one pass with <see cref="Utf8JsonReader"/>. The claims Cognito issues are
/// accepted only in the JSON type Cognito gives them (strings, integer NumericDates, an array of strings for
/// <c>cognito:groups</c>, a boolean <c>email_verified</c>; an <c>aud</c> array is refused as AWS's verifier refuses it);
/// any name given twice is rejected; other claims may hold any JSON. Read before the signature is checked, so nothing
/// here is trusted until it is.
/// </summary>
internal struct TokenPayload : IJsonMemberReader
{
    private IReadOnlyList<TrustedPool>? _pools;

    /// <summary>The trusted pool whose issuer equals <c>iss</c>, or null.</summary>
    public TrustedPool? Pool;

    public bool HasTokenUse;
    public CognitoTokenUse TokenUse;
    public string? Audience;
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

    /// <summary>The <c>iss</c> the token carried when it is no trusted pool's: untrusted text, for the log only.</summary>
    public string? UntrustedIssuer;

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
                return ReadString(ref reader, out Audience);
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
            case 8 when name.SequenceEqual("event_id"u8):
                return CheckType(ref reader, JsonTokenType.String);
            case 9 when name.SequenceEqual("token_use"u8):
                return ReadTokenUse(ref reader);
            case 9 when name.SequenceEqual("client_id"u8):
                return ReadString(ref reader, out ClientId);
            case 9 when name.SequenceEqual("auth_time"u8):
                return ReadNumericDate(ref reader, out _);
            case 10 when name.SequenceEqual("origin_jti"u8):
                return CheckType(ref reader, JsonTokenType.String);
            case 14 when name.SequenceEqual("cognito:groups"u8):
                return ReadStringArray(ref reader, out Groups);
            case 14 when name.SequenceEqual("email_verified"u8):
                return CheckBoolean(ref reader);
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
                return CognitoTokenFailure.None;
            }
        }

        // Kept so that the refusal can say which issuer the token named; trusted tokens never pay for the copy.
        UntrustedIssuer = reader.GetString();
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

    private static CognitoTokenFailure CheckType(ref Utf8JsonReader reader, JsonTokenType type) =>
        reader.TokenType == type ? CognitoTokenFailure.None : CognitoTokenFailure.InvalidClaimType;

    private static CognitoTokenFailure CheckBoolean(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.True or JsonTokenType.False ? CognitoTokenFailure.None : CognitoTokenFailure.InvalidClaimType;

    private static CognitoTokenFailure ReadNumericDate(ref Utf8JsonReader reader, out long? value)
    {
        // Integers only: Cognito writes whole seconds. aws-jwt-verify takes any finite number; a fraction or an
        // exponent is refused here on purpose, so that no two readers round a date differently.
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
