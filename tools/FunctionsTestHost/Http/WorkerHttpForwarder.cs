using System.Net;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// Forwards a client's request to the worker's own HTTP server (ASP.NET Core integration mode), as the real host
/// does: to the worker's <c>HttpUri</c> with the same method, path, query, headers and body; the <c>Host</c> header
/// replaced by the worker's, hop-by-hop headers dropped, <c>X-Forwarded-For/-Proto/-Host</c> set, and the
/// invocation id in <c>x-ms-invocation-id</c> so the worker pairs the request with its invocation. A refused
/// connection (the worker's server not listening yet) is retried up to 10 times, 50 ms doubling to 250 ms apart;
/// a forward idle for 240 s fails. No redirects are followed and no cookies are kept.
/// </summary>
internal sealed class WorkerHttpForwarder : IDisposable
{
    /// <summary>The header the worker reads to pair the forwarded request with its invocation.</summary>
    public const string CorrelationHeader = "x-ms-invocation-id";

    private const int MaxAttempts = 10;
    private static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaximumDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ActivityTimeout = TimeSpan.FromSeconds(240);

    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection",
        "Proxy-Authenticate", "Proxy-Authorization", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
    };

    private static readonly HashSet<string> NotRelayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Trailer", "Upgrade", "Proxy-Connection",
    };

    private readonly HttpMessageInvoker _invoker;
    private readonly HostLog _log;

    public WorkerHttpForwarder(Uri workerUri, HostLog log)
    {
        WorkerUri = workerUri;
        _log = log;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        });
    }

    /// <summary>The worker's server, from its <c>HttpUri</c> capability.</summary>
    public Uri WorkerUri { get; }

    /// <summary>Sends the request to the worker; the caller disposes the answer (headers read, body still to stream).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpContext context, ReadOnlyMemory<byte> body, string invocationId, CancellationToken cancellationToken)
    {
        var delay = InitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var request = CreateRequest(context, body, invocationId);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(ActivityTimeout);
            try
            {
                return await _invoker.SendAsync(request, idle.Token);
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts)
            {
                _log.Write($"[host] forwarding invocation {invocationId} to the worker failed ({ex.Message}); retrying in {delay.TotalMilliseconds:0} ms, attempt {attempt} of {MaxAttempts}");
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaximumDelay.Ticks));
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the worker sent nothing for {ActivityTimeout.TotalSeconds:0} s", ex);
            }
        }
    }

    /// <summary>
    /// Writes the worker's answer to the client: status, headers (hop-by-hop ones dropped) and the body read by
    /// <see cref="ReadBodyAsync"/>.
    /// </summary>
    public static async Task RelayAsync(HttpResponseMessage answer, byte[] body, HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!NotRelayed.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        if (body.Length > 0)
        {
            await response.Body.WriteAsync(body, cancellationToken);
        }
    }

    /// <summary>
    /// Reads the worker's whole answer. It is read before the invocation's outcome is known: the worker finishes the
    /// invocation only once its server has written the body, which it cannot do while nobody reads it.
    /// </summary>
    public static Task<byte[]> ReadBodyAsync(HttpResponseMessage answer, CancellationToken cancellationToken) =>
        answer.Content.ReadAsByteArrayAsync(cancellationToken);

    public void Dispose() => _invoker.Dispose();

    private HttpRequestMessage CreateRequest(HttpContext context, ReadOnlyMemory<byte> body, string invocationId)
    {
        var incoming = context.Request;
        var target = new Uri(WorkerUri, $"{incoming.PathBase}{incoming.Path}{incoming.QueryString}".TrimStart('/'));
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (!body.IsEmpty)
        {
            request.Content = new ReadOnlyMemoryContent(body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (NotForwarded.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content ??= new ReadOnlyMemoryContent(ReadOnlyMemory<byte>.Empty);
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        request.Headers.TryAddWithoutValidation(CorrelationHeader, invocationId);
        if (context.Connection.RemoteIpAddress is { } client)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", client.ToString());
        }

        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        return request;
    }
}
