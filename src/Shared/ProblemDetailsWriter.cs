using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Shared;

/// <summary>An RFC 9457 problem details answer before it is written.</summary>
internal sealed class ProblemDetailsAnswer
{
    public required HttpStatusCode Status { get; init; }

    /// <summary>The stable relative URI that names the kind of problem.</summary>
    public required string Type { get; init; }

    public required string Title { get; init; }

    /// <summary>A safe human-readable explanation of this occurrence.</summary>
    public required string Detail { get; init; }

    /// <summary>The W3C trace id of the invocation, else its invocation id.</summary>
    public required string TraceId { get; init; }

    /// <summary>Seconds the client should wait before retrying, sent as <c>Retry-After</c>.</summary>
    public long? RetryAfterSeconds { get; init; }

    /// <summary>Headers of this answer's own (a challenge, a cache directive), added after the common ones.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Writes the members of this kind of problem's own after the common ones, if it has any.</summary>
    public Action<Utf8JsonWriter>? WriteOwnMembers { get; init; }
}

/// <summary>
/// The one writer of problem details answers, compiled into the app and the middleware package alike (src/Shared), so a
/// client meets one shape and one set of headers whichever of them refused a request: the status; a body with
/// <see cref="Members"/> and then the problem's own members; <c>Content-Type: application/problem+json; charset=utf-8</c>,
/// <c>X-Content-Type-Options: nosniff</c> (a browser must never run the body), <c>Cache-Control: no-store</c>, and
/// <c>Retry-After</c> when given.
/// </summary>
internal static class ProblemDetailsWriter
{
    /// <summary>
    /// The members every problem has, in the order they are written (<c>instance</c>, the request's path, is left out
    /// only when the request has no usable URL).
    /// </summary>
    public static IReadOnlyList<string> Members { get; } = ["type", "title", "status", "detail", "instance", "traceId"];

    public static async Task<HttpResponseData> WriteAsync(HttpRequestData request, ProblemDetailsAnswer answer, CancellationToken cancellationToken = default)
    {
        var response = request.CreateResponse(answer.Status);
        response.Headers.TryAddWithoutValidation("Content-Type", ProblemMediaType.ContentType);
        response.Headers.TryAddWithoutValidation("X-Content-Type-Options", "nosniff");
        response.Headers.TryAddWithoutValidation("Cache-Control", "no-store");
        if (answer.RetryAfterSeconds is { } seconds)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        await response.Body.WriteAsync(Body(answer, Instance(request)), cancellationToken);
        return response;
    }

    // A refusal must not throw: a request without a usable URL (an empty one throws when read) gets no instance.
    private static string? Instance(HttpRequestData request)
    {
        try
        {
            return request.Url is { IsAbsoluteUri: true } url ? url.AbsolutePath : null;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static ReadOnlyMemory<byte> Body(ProblemDetailsAnswer answer, string? instance)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", answer.Type);
            json.WriteString("title", answer.Title);
            json.WriteNumber("status", (int)answer.Status);
            json.WriteString("detail", answer.Detail);
            if (instance is not null)
            {
                json.WriteString("instance", instance);
            }

            json.WriteString("traceId", answer.TraceId);
            answer.WriteOwnMembers?.Invoke(json);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
