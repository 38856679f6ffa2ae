using CognitoFunctions.Testing.Loopback;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>One request as the fake Cognito received it.</summary>
public sealed record FakeRequest(
    int Index,
    string? Operation,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    byte[] RawBody,
    SignatureVerdict? Signature)
{
    public JsonObject Body => JsonNode.Parse(RawBody) as JsonObject ?? throw new InvalidOperationException("The body is not a JSON object.");

    public bool IsSigned => Headers.ContainsKey("Authorization");
}

/// <summary>What the fake answers one request with.</summary>
public sealed record FakeAnswer(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false, bool Drop = false)
{
    public static FakeAnswer Ok(string json = "{}") => new(200, json);

    /// <summary>An error as Cognito writes it: <c>{"__type": ..., "message": ...}</c>.</summary>
    public static FakeAnswer Error(string type, string message, int status = 400, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString(), Headers: headers);

    public static FakeAnswer Throttled(IReadOnlyDictionary<string, string>? headers = null) =>
        Error("TooManyRequestsException", "Too many requests", headers: headers);

    /// <summary>Never answers: the request waits until the client gives up.</summary>
    public static FakeAnswer Hanging { get; } = new(0, "", Hang: true);

    /// <summary>The whole request is read, then the connection is closed without an answer.</summary>
    public static FakeAnswer Dropped { get; } = new(0, "", Drop: true);

    /// <summary>The i-th answer for the i-th request, the last one for every later request.</summary>
    public static Func<FakeRequest, FakeAnswer> Sequence(params FakeAnswer[] answers) =>
        request => answers[Math.Min(request.Index, answers.Length - 1)];
}

/// <summary>
/// A loopback stand-in for Cognito's JSON 1.1 endpoint where cognito-local has no answer (gaps, faults, real
/// error shapes): it records every request, verifies SigV4 signatures as AWS does with the keys it knows, and
/// answers as the test scripts it.
/// </summary>
internal sealed class FakeCognito : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIAFAKEKEY000000001";
    public const string SecretAccessKey = "fakeSecretKeyForLoopbackTestsOnly000000a";
    public const string TemporaryAccessKeyId = "ASIAFAKEKEY000000002";
    public const string TemporarySecretAccessKey = "fakeTemporarySecretForLoopbackTests00000b";
    public const string SessionToken = "FwoGZXIvYXdzEFakeSessionTokenForTests";

    private static readonly SigV4Verifier Verifier = new(Region, "cognito-idp", new Dictionary<string, FakeAwsKey>
    {
        [AccessKeyId] = new(SecretAccessKey),
        [TemporaryAccessKeyId] = new(TemporarySecretAccessKey, SessionToken),
    }, TimeSpan.FromMinutes(5));

    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private LoopbackServer? _server;
    private int _count;

    private FakeCognito()
    {
    }

    public Uri Address => _server!.Address;

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public static async Task<FakeCognito> StartAsync(Func<FakeRequest, FakeAnswer> respond)
    {
        var fake = new FakeCognito();
        fake._server = await LoopbackServer.StartAsync(context => fake.HandleAsync(context, respond));
        return fake;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context, Func<FakeRequest, FakeAnswer> respond)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new FakeRequest(
            Interlocked.Increment(ref _count) - 1,
            target.StartsWith("AWSCognitoIdentityProviderService.", StringComparison.Ordinal) ? target["AWSCognitoIdentityProviderService.".Length..] : null,
            context.Request.ContentType,
            headers,
            body,
            headers.ContainsKey("Authorization") ? Verifier.Verify(context.Request, body, DateTimeOffset.UtcNow) : null);
        _requests.Enqueue(request);

        var answer = respond(request);
        if (answer.Drop)
        {
            context.Abort();
            return;
        }

        if (answer.Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        if (request.Signature is { IsValid: false } verdict)
        {
            // What Cognito answers a request whose signature fails.
            answer = FakeAnswer.Error("InvalidSignatureException", verdict.Failure!);
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
}
