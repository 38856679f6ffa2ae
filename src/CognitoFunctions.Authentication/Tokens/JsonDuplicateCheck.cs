using System.Text.Json;

namespace CognitoFunctions.Authentication;

/// <summary>
/// The full duplicate-name check, at every depth, for the rare header or payload that nests objects or has more
/// names than the stack buffers of <see cref="ClaimNameSet"/> hold.
/// </summary>
internal static class JsonDuplicateCheck
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = JsonLimits.MaxDepth };

    public static bool HasDuplicates(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), Strict);
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
