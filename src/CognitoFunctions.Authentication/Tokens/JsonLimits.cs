using System.Text.Json;

namespace CognitoFunctions.Authentication;

/// <summary>Reader settings and buffer sizes of the header and payload parsers.</summary>
internal static class JsonLimits
{
    public const int MaxDepth = 16;

    /// <summary>Longest accepted token, in characters; the Authorization header has the same bound.</summary>
    public const int MaxTokenLength = 16 * 1024;

    /// <summary>Longest <c>kid</c>, in characters.</summary>
    public const int MaxKeyIdLength = 256;

    /// <summary>Longest decoded header, in bytes (Cognito's is about 80).</summary>
    public const int MaxHeaderBytes = 1024;

    /// <summary>Payloads up to this size, in bytes, are decoded on the stack; larger ones into a pooled array.</summary>
    public const int StackPayloadBytes = 2048;

    /// <summary>Signatures up to 8192-bit keys.</summary>
    public const int MaxSignatureBytes = 1024;

    public const int NameBytes = 1024;
    public const int MaxNames = 64;
    public const int NameScratchBytes = 128;

    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };
}
