using CognitoFunctions.Testing.CognitoLocal;
using CognitoFunctions.Testing.Loopback;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>
/// A loopback STS answering AssumeRoleWithWebIdentity in the Query protocol's XML, as the STS API reference shows
/// it. It issues the temporary key of <see cref="AwsTestKeys"/> that the scripted <see cref="CognitoFaultProxy"/> knows, expiring <see cref="Lifetime"/> after the
/// test's clock; <see cref="Gate"/> can hold answers back and <see cref="FailWith"/> makes it refuse.
/// </summary>
internal sealed class FakeSts : IAsyncDisposable
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private readonly TimeProvider _time;
    private LoopbackServer? _server;

    private FakeSts(TimeProvider time) => _time = time;

    public Uri Address => _server!.Address;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When set, answers wait for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, answers are this STS error code (HTTP 400).</summary>
    public string? FailWith { get; set; }

    public static async Task<FakeSts> StartAsync(TimeProvider time)
    {
        var sts = new FakeSts(time);
        sts._server = await LoopbackServer.StartAsync(sts.HandleAsync);
        return sts;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        _requests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(context.RequestAborted);
        }

        context.Response.ContentType = "text/xml";
        if (FailWith is { } code)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(
                $"""
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error><Type>Sender</Type><Code>{code}</Code><Message>Refused by the fake STS</Message></Error>
                  <RequestId>fake-sts-error</RequestId>
                </ErrorResponse>
                """,
                context.RequestAborted);
            return;
        }

        var expiration = (_time.GetUtcNow() + Lifetime).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await context.Response.WriteAsync(
            $"""
            <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleWithWebIdentityResult>
                <SubjectFromWebIdentityToken>00000000-0000-0000-0000-000000000abc</SubjectFromWebIdentityToken>
                <Audience>api://cognito-functions-aws</Audience>
                <AssumedRoleUser>
                  <Arn>arn:aws:sts::123456789012:assumed-role/cognito-functions-app/cognito-functions</Arn>
                  <AssumedRoleId>AROAFAKEROLEID000001:cognito-functions</AssumedRoleId>
                </AssumedRoleUser>
                <Credentials>
                  <SessionToken>{SecurityElement.Escape(AwsTestKeys.SessionToken)}</SessionToken>
                  <SecretAccessKey>{SecurityElement.Escape(AwsTestKeys.TemporarySecretAccessKey)}</SecretAccessKey>
                  <Expiration>{expiration}</Expiration>
                  <AccessKeyId>{AwsTestKeys.TemporaryAccessKeyId}</AccessKeyId>
                </Credentials>
                <Provider>sts.windows.net/00000000-0000-0000-0000-000000000def/</Provider>
              </AssumeRoleWithWebIdentityResult>
              <ResponseMetadata><RequestId>fake-sts-{_requests.Count}</RequestId></ResponseMetadata>
            </AssumeRoleWithWebIdentityResponse>
            """,
            context.RequestAborted);
    }
}
