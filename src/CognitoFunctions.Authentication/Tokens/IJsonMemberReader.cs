using System.Text.Json;

namespace CognitoFunctions.Authentication;

/// <summary>Reads the members of the JSON object <see cref="JsonObjectReader"/> walks: the header's parameters or the payload's claims.</summary>
internal interface IJsonMemberReader
{
    /// <summary>
    /// Reads (or skips) the value of member <paramref name="name"/>, on which <paramref name="reader"/> stands; sets
    /// <paramref name="nested"/> when it skipped an object or an array of objects, whose names it did not check.
    /// </summary>
    CognitoTokenFailure ReadMember(scoped ReadOnlySpan<byte> name, scoped ref Utf8JsonReader reader, ref bool nested);
}
