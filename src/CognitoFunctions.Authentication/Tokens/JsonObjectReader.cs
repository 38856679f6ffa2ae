using System.Text.Json;
using System.Text.Unicode;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Walks a token's header or payload: valid UTF-8, exactly one JSON object and nothing after it, no top-level name
/// twice, each member handed to a <see cref="IJsonMemberReader"/>. Reader errors become
/// <see cref="CognitoTokenFailure.Malformed"/>, never exceptions to the caller.
/// </summary>
internal static class JsonObjectReader
{
    /// <summary>
    /// Reads <paramref name="json"/>; <paramref name="namesUnchecked"/> tells that some names (inside nested values,
    /// or beyond the stack buffers) were not checked for duplicates. The caller then runs
    /// <see cref="JsonDuplicateCheck"/> itself, after the cheap claim checks, so that tokens rejected anyway (an
    /// expired federated user's token, whose <c>identities</c> claim nests objects) do not pay for it.
    /// </summary>
    public static CognitoTokenFailure Read<TMembers>(ReadOnlySpan<byte> json, ref TMembers members, out bool namesUnchecked)
        where TMembers : IJsonMemberReader, allows ref struct
    {
        namesUnchecked = false;
        if (!Utf8.IsValid(json))
        {
            return CognitoTokenFailure.Malformed;
        }

        Span<byte> nameBytes = stackalloc byte[JsonLimits.NameBytes];
        Span<int> nameEnds = stackalloc int[JsonLimits.MaxNames];
        Span<byte> scratch = stackalloc byte[JsonLimits.NameScratchBytes];
        var names = new ClaimNameSet(nameBytes, nameEnds, scratch);
        var nested = false;
        var reader = new Utf8JsonReader(json, JsonLimits.ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return CognitoTokenFailure.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = names.Add(in reader, out var duplicate);
                if (duplicate)
                {
                    return CognitoTokenFailure.DuplicateClaim;
                }

                reader.Read();
                var failure = members.ReadMember(name, ref reader, ref nested);
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

        namesUnchecked = nested || names.Overflowed;
        return CognitoTokenFailure.None;
    }

    /// <summary>Skips a value no one reads, noting whether it held names the walk did not check.</summary>
    public static void SkipUnknown(scoped ref Utf8JsonReader reader, ref bool nested)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            nested = true;
            reader.Skip();
        }
    }
}
