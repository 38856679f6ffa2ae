using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CognitoFunctions.Testing.Loopback;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// The one HTTP-level Cognito double: a loopback server speaking Cognito's JSON 1.1 API that records every request
/// it receives (headers and raw body). Started with an upstream (cognito-local), it forwards every call except those
/// a test told it to fail: what the app does when one step of a real flow fails. Started with a script, it has
/// nothing behind it and answers every request as the test says, checking SigV4 signatures as AWS does with
/// <see cref="AwsTestKeys"/>: the Cognito client's tests on the wire, and what cognito-local does not implement.
/// </summary>
public sealed class CognitoFaultProxy : IAsyncDisposable
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";

    private static readonly SigV4Verifier Verifier = new(AwsTestKeys.Region, "cognito-idp", new Dictionary<string, KnownAwsKey>
    {
        [AwsTestKeys.AccessKeyId] = new(AwsTestKeys.SecretAccessKey),
        [AwsTestKeys.TemporaryAccessKeyId] = new(AwsTestKeys.TemporarySecretAccessKey, AwsTestKeys.SessionToken),
    }, TimeSpan.FromMinutes(5));

    private readonly HttpClient? _upstream;
    private readonly Func<ReceivedRequest, CognitoAnswer>? _script;
    private readonly ConcurrentDictionary<string, Func<JsonObject, CognitoAnswer?>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private LoopbackServer _server = null!;
    private int _count;

    private CognitoFaultProxy(HttpClient? upstream, Func<ReceivedRequest, CognitoAnswer>? script)
    {
        _upstream = upstream;
        _script = script;
    }

    /// <summary>The proxy's address, to use as <c>Cognito__ServiceUrl</c>.</summary>
    public Uri Address => _server.Address;

    /// <summary>The requests received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>A proxy in front of <paramref name="upstream"/> (cognito-local) that forwards every call it is not told to fail.</summary>
    public static Task<CognitoFaultProxy> StartAsync(Uri upstream) => StartAsync(new CognitoFaultProxy(new HttpClient { BaseAddress = upstream }, null));

    /// <summary>A proxy with nothing behind it: every request is answered with what <paramref name="script"/> returns for it.</summary>
    public static Task<CognitoFaultProxy> StartAsync(Func<ReceivedRequest, CognitoAnswer> script) =>
        StartAsync(new CognitoFaultProxy(null, script ?? throw new ArgumentNullException(nameof(script))));

    /// <summary>
    /// Answers <paramref name="operation"/> with <paramref name="answer"/> whenever <paramref name="when"/> holds for its
    /// request body, until the returned handle is disposed (so tests sharing the proxy do not see each other's faults).
    /// </summary>
    public IDisposable Fail(string operation, CognitoAnswer answer, Func<JsonObject, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var applies = when ?? (_ => true);
        return Fail(operation, body => applies(body) ? answer : null);
    }

    /// <summary>
    /// Answers each <paramref name="operation"/> request with the answer <paramref name="choose"/> picks for its body
    /// (null: forward it, or follow the script), until the returned handle is disposed: e.g. a lost answer first, then
    /// the real one.
    /// </summary>
    public IDisposable Fail(string operation, Func<JsonObject, CognitoAnswer?> choose)
    {
        _faults[operation] = choose;
        return new Removal(() => _faults.TryRemove(new KeyValuePair<string, Func<JsonObject, CognitoAnswer?>>(operation, choose)));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _upstream?.Dispose();
    }

    private static async Task<CognitoFaultProxy> StartAsync(CognitoFaultProxy proxy)
    {
        proxy._server = await LoopbackServer.StartAsync(proxy.HandleAsync);
        return proxy;
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var request = Record(context.Request, buffer.ToArray());

        var answer = FaultFor(request) ?? _script?.Invoke(request);
        if (answer is null)
        {
            using var response = await ForwardAsync(context.Request, request.RawBody);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            return;
        }

        if (answer.AfterForwarding && _upstream is not null)
        {
            using var discarded = await ForwardAsync(context.Request, request.RawBody);
        }

        if (answer.Drops)
        {
            context.Abort();
            return;
        }

        if (answer.Hangs)
        {
            await HoldOpenAsync(context);
            return;
        }

        if (request.Signature is { IsValid: false } verdict)
        {
            // What Cognito answers a request whose signature fails.
            answer = CognitoAnswer.Error("InvalidSignatureException", verdict.Failure!);
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = $"fake-{request.Index}";
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.Body), context.RequestAborted);
    }

    private ReceivedRequest Record(HttpRequest http, byte[] body)
    {
        var target = http.Headers["X-Amz-Target"].ToString();
        var headers = http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(
            Interlocked.Increment(ref _count) - 1,
            target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : null,
            http.ContentType,
            headers,
            body,
            // With an upstream, cognito-local holds the keys and judges the signature.
            _upstream is null && headers.ContainsKey("Authorization") ? Verifier.Verify(http, body, DateTimeOffset.UtcNow) : null);
        _requests.Enqueue(request);
        return request;
    }

    private CognitoAnswer? FaultFor(ReceivedRequest request) =>
        request.Operation is { } operation && _faults.TryGetValue(operation, out var choose) && JsonObjectOrNull(request.RawBody) is { } body
            ? choose(body)
            : null;

    private static JsonObject? JsonObjectOrNull(byte[] body)
    {
        try
        {
            return body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpRequest http, byte[] body)
    {
        using var forward = new HttpRequestMessage(new HttpMethod(http.Method), http.Path + http.QueryString)
        {
            Content = new ByteArrayContent(body),
        };
        forward.Content.Headers.TryAddWithoutValidation("Content-Type", http.ContentType);
        forward.Headers.TryAddWithoutValidation("X-Amz-Target", http.Headers["X-Amz-Target"].ToString());
        // Not tied to the client's request: cognito-local completes the work even when the client gives up early.
        return await _upstream!.SendAsync(forward, _server.Stopping);
    }

    // Ends when the client hangs up, or when the proxy stops (so that stopping does not wait for held requests).
    private async Task HoldOpenAsync(HttpContext context)
    {
        using var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server.Stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, released.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }
}
