using System.Buffers;
using System.Buffers.Text;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Decoding of one segment of a compact JWS. The validator has already checked that the token holds only base64url
/// characters and dots, so there is no padding or whitespace here; the BCL decoder also rejects a final character
/// whose unused bits are set, so each byte string has exactly one accepted spelling.
/// </summary>
internal static class Base64UrlSegment
{
    public static bool TryDecode(ReadOnlySpan<char> chars, Span<byte> destination, out int written) =>
        Base64Url.DecodeFromChars(chars, destination, out var consumed, out written) == OperationStatus.Done
        && consumed == chars.Length;
}
