using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace CognitoFunctions.Http;

/// <summary>The outcome of reading a JSON request body: a model, or the problem to answer with.</summary>
internal readonly record struct BodyReadResult<T>(T? Value, Problem? Problem)
    where T : class
{
    public static BodyReadResult<T> Fail(Problem problem) => new(null, problem);
}

/// <summary>
/// Reads a JSON request body into a model: at most <see cref="MaxBodyBytes"/> (413 beyond), only
/// <c>application/json</c> in UTF-8 (415 otherwise), well-formed JSON with no duplicate keys (400 otherwise),
/// wrong value types reported per field. Unknown fields are ignored.
/// </summary>
internal static class JsonBodyReader
{
    /// <summary>The largest body the API reads; far below the platform's 100 MiB.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static async Task<BodyReadResult<T>> ReadAsync<T>(string? contentType, long? contentLength, Stream body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(contentType))
        {
            return BodyReadResult<T>.Fail(new Problem(ProblemKind.UnsupportedMediaType, "Send the body as application/json (UTF-8)."));
        }

        if (contentLength > MaxBodyBytes)
        {
            return TooLarge<T>();
        }

        // Sized by Content-Length when the host gives one (it always does for a body), one byte more to notice a body
        // longer than announced.
        var announced = contentLength is >= 0 and <= MaxBodyBytes ? (int)contentLength.Value : MaxBodyBytes;
        var buffer = new byte[announced + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return TooLarge<T>();
        }

        if (length > announced)
        {
            return BodyReadResult<T>.Fail(new Problem(ProblemKind.MalformedJson, "The request body is longer than its Content-Length."));
        }

        if (length == 0)
        {
            return BodyReadResult<T>.Fail(new Problem(ProblemKind.MalformedJson, "The request body is empty; a JSON object is required."));
        }

        // JsonDocument checks UTF-8 inside strings only when a string is read, which would then throw.
        if (!Utf8.IsValid(buffer.AsSpan(0, length)))
        {
            return BodyReadResult<T>.Fail(new Problem(ProblemKind.MalformedJson, "The request body is not valid UTF-8."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.AsMemory(0, length), DocumentOptions);
        }
        catch (JsonException ex)
        {
            // Invalid UTF-8, bad syntax, too deep, or a repeated key: the position is safe to report, content is not.
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            return BodyReadResult<T>.Fail(new Problem(ProblemKind.MalformedJson, $"The request body is not valid JSON{where}."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BodyReadResult<T>.Fail(new Problem(ProblemKind.MalformedJson, "The request body must be a JSON object."));
            }

            var wrongTypes = WrongTypes(document.RootElement, typeInfo);
            if (wrongTypes.Count > 0)
            {
                return BodyReadResult<T>.Fail(new Problem(ProblemKind.Validation, "One or more fields have the wrong type.") { Errors = wrongTypes });
            }

            try
            {
                return new BodyReadResult<T>(document.RootElement.Deserialize(typeInfo), null);
            }
            catch (JsonException)
            {
                // Structure and types are checked above: what is left is a string escape that is not valid UTF-16
                // (a lone surrogate such as \uD800), which only shows when the string is read.
                return BodyReadResult<T>.Fail(new Problem(ProblemKind.MalformedJson, "The request body holds a string that is not valid Unicode."));
            }
        }
    }

    /// <summary>
    /// A body the client announced but the Functions host did not deliver: the host reads a request body only when
    /// Content-Length is above 0, so a chunked body (<c>Transfer-Encoding</c>, no Content-Length) reaches the worker
    /// empty. Taking that for "no body" would act on a request the client did not send (a logout that keeps the refresh
    /// token alive), so such a request is refused, for optional bodies too. A method that carries a body (POST, PUT,
    /// PATCH) without Content-Length is refused alike: there is no telling whether a body was lost.
    /// </summary>
    public static Problem? CheckDelivered(string method, long? contentLength, bool hasTransferEncoding)
    {
        var carriesBody = HttpMethods.Contains(method);
        return hasTransferEncoding || (contentLength is null && carriesBody)
            ? new Problem(ProblemKind.LengthRequired, "Send the body with a Content-Length header (not chunked); for no body send Content-Length: 0.")
            : null;
    }

    private static readonly HashSet<string> HttpMethods = new(["POST", "PUT", "PATCH"], StringComparer.OrdinalIgnoreCase);

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    private static Dictionary<string, string[]> WrongTypes<T>(JsonElement root, JsonTypeInfo<T> typeInfo)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in typeInfo.Properties)
        {
            if (!root.TryGetProperty(property.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var expected = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var fits = expected == typeof(string) ? value.ValueKind == JsonValueKind.String
                : expected == typeof(bool) ? value.ValueKind is JsonValueKind.True or JsonValueKind.False
                : expected == typeof(int) ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _)
                : throw new NotSupportedException($"Request models hold strings, booleans and integers; {property.Name} is {expected}.");
            if (!fits)
            {
                errors[property.Name] = [expected == typeof(string) ? "Must be a string." : expected == typeof(bool) ? "Must be true or false." : "Must be an integer."];
            }
        }

        return errors;
    }

    private static BodyReadResult<T> TooLarge<T>()
        where T : class =>
        BodyReadResult<T>.Fail(new Problem(ProblemKind.PayloadTooLarge, $"The request body exceeds {MaxBodyBytes} bytes."));

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType is null)
        {
            return false;
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        return isJson && (mediaType.CharSet is null || Encoding.UTF8.WebName.Equals(mediaType.CharSet.Trim('"'), StringComparison.OrdinalIgnoreCase));
    }
}
