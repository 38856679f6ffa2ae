using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CognitoFunctions.Authentication.Tests.Support;

/// <summary>
/// The revocation check's HTTP client answered in memory: each request is recorded (address, headers, body) and
/// answered by the script, which may also hold it (a hang until the caller gives up) or fail the connection.
/// </summary>
public sealed class ScriptedCognitoHandler(Func<int, Task<HttpResponseMessage>> script) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Received> _requests = new();
    private int _count;

    /// <summary>Completed when a request arrives (before it is answered).</summary>
    public TaskCompletionSource Arrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Received> Requests => [.. _requests];

    public int Count => Volatile.Read(ref _count);

    public static HttpResponseMessage Ok() =>
        Json(HttpStatusCode.OK, """{"Username":"user-1","UserAttributes":[{"Name":"sub","Value":"user-1"}]}""");

    public static HttpResponseMessage Error(string type, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Json(status, $$"""{"__type":"{{type}}","message":"scripted"}""");

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };

    /// <summary>A new <see cref="Arrived"/> for the next request.</summary>
    public void ResetArrived() => Arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        _requests.Enqueue(new Received(
            request.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
        Arrived.TrySetResult();
        return await script(index).WaitAsync(cancellationToken);
    }

    public sealed record Received(HttpMethod Method, Uri Address, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);
}
