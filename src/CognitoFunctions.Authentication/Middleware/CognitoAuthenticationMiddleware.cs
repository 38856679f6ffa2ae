using System.Diagnostics;
using CognitoFunctions.Shared;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Requires a valid Cognito token on every HTTP function not marked <see cref="CognitoAllowAnonymousAttribute"/>, checks the
/// function's <see cref="RequireCognitoTokenAttribute"/>s, runs the application's <see cref="ICognitoTokenCheck"/>s,
/// and hands the token to the function through <c>FunctionContext.Features</c> (and, in ASP.NET Core integration mode,
/// the principal through <c>HttpContext.User</c>). On functions that ask for it, Cognito is asked whether the access
/// token was revoked (<see cref="RevocationChecks"/>). A refused request is answered here (401, 403, or 503 when no keys
/// can be had, Cognito cannot say whether the token was revoked, or a check failed) and the function does not run. Functions that are not HTTP-triggered, and anonymous ones,
/// are passed on untouched: their request is not even read. The decision is tagged on the invocation's span
/// (<see cref="CognitoAuthenticationTelemetry"/>) when one is recorded.
/// </summary>
internal sealed class CognitoAuthenticationMiddleware(
    CognitoTokenValidator validator,
    TrustedPoolRegistry pools,
    FunctionPolicyResolver policies,
    TokenChecks checks,
    RevocationChecks revocations,
    AuthenticationMetrics metrics,
    IOptions<CognitoAuthOptions> options,
    IOptions<WorkerOptions> worker,
    ILogger<CognitoAuthenticationMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private readonly string _realm = options.Value.Realm;
    private readonly string _trustedIssuers = string.Join(", ", pools.Pools.Select(p => p.Issuer));
    private readonly bool _aspNetCoreIntegration = AspNetCoreIntegration.IsEnabled(worker.Value);

    private static readonly string ValidTag = OutcomeTags.Of(AuthOutcome.Valid);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (policies.Guard(context.FunctionDefinition) is not { } policy)
        {
            await next(context);
            return;
        }

        if (_aspNetCoreIntegration && !context.Items.ContainsKey(AspNetCoreIntegration.HttpContextItem))
        {
            // The start-up check refuses this order; should it be bypassed, fail closed rather than read an empty request.
            throw new InvalidOperationException(MiddlewarePlacementValidator.Message);
        }

        var request = await context.GetHttpRequestDataAsync()
            ?? throw new InvalidOperationException($"Function '{context.FunctionDefinition.Name}' is HTTP-triggered but the worker gave no HTTP request.");
        var refusal = await AuthenticateAsync(context, request, policy);
        if (refusal is null)
        {
            await next(context);
            return;
        }

        InvocationHttpResponse.Set(context, refusal);
    }

    /// <summary>Null when the function may run (the token, if any, is then in the context), else the answer to send.</summary>
    internal ValueTask<HttpResponseData?> AuthenticateAsync(FunctionContext context, HttpRequestData request) =>
        policies.Guard(context.FunctionDefinition) is { } policy ? AuthenticateAsync(context, request, policy) : ValueTask.FromResult<HttpResponseData?>(null);

    // The policy is resolved once per request, by the caller.
    private async ValueTask<HttpResponseData?> AuthenticateAsync(FunctionContext context, HttpRequestData request, CognitoFunctionPolicy policy)
    {

        var started = Stopwatch.GetTimestamp();
        var header = AuthorizationHeader.Read(request.Headers);
        if (header.Outcome != AuthOutcome.Valid)
        {
            return await RefuseAsync(context, request, AuthenticationChallenge.For(header.Outcome), cached: false, started);
        }

        var cached = validator.TryGetCached(header.Token, out var token);
        if (!cached)
        {
            var result = await validator.ValidateAsync(header.TokenString(), context.CancellationToken);
            if (!result.IsValid)
            {
                return await RefuseAsync(context, request, AuthenticationChallenge.ForToken(result.Failure, result.RetryAfter), cached: false, started, untrustedIssuer: result.UntrustedIssuer);
            }

            token = result.Token;
        }

        var decision = policy.Check(token, out var failed);
        if (decision != AuthOutcome.Valid)
        {
            return await RefuseAsync(context, request, AuthenticationChallenge.For(decision, failed), cached, started, token);
        }

        if (policy.ChecksRevocation)
        {
            // After the attributes (an ID token is refused without asking), before the app's checks; cached tokens too.
            var verdict = await revocations.CheckAsync(token, context.CancellationToken, out var remembered);
            if (verdict != RevocationVerdict.Active)
            {
                return await RefuseAsync(context, request, AuthenticationChallenge.For(Refusal(verdict)), cached && remembered, started, token, revocation: verdict);
            }

            cached &= remembered;
        }

        var authentication = new CognitoAuthenticationFeature(token);

        // After the attributes, on cached tokens too: a check's verdict may change while the token stays valid.
        if (checks.Any && await checks.RunAsync(context, authentication) is { } refusal)
        {
            return await RefuseAsync(context, request, refusal, cached, started, token);
        }

        context.Features.Set(authentication);
        if (_aspNetCoreIntegration)
        {
            // Framework code (authorization, anything reading HttpContext.User) sees the caller too.
            HttpContextUser.TrySet(context, authentication.Principal);
        }

        metrics.RecordOutcome(ValidTag, cached, Stopwatch.GetElapsedTime(started).TotalSeconds);
        CognitoAuthenticationTelemetry.TagDecision(ValidTag, cached, token.TokenUse, problem: null);
        return null;
    }

    private async Task<HttpResponseData> RefuseAsync(
        FunctionContext context,
        HttpRequestData request,
        AuthenticationChallenge challenge,
        bool cached,
        long started,
        CognitoToken? token = null,
        string? untrustedIssuer = null,
        RevocationVerdict revocation = RevocationVerdict.Active)
    {
        metrics.RecordOutcome(challenge.Tag, cached, Stopwatch.GetElapsedTime(started).TotalSeconds);
        CognitoAuthenticationTelemetry.TagDecision(challenge.Tag, cached, token?.TokenUse, challenge.Problem);
        if (challenge.TokenFailure == CognitoTokenFailure.KeysUnavailable)
        {
            AuthenticationLog.KeysUnavailable(logger, context.FunctionDefinition.Name);
        }
        else if (challenge.Outcome == AuthOutcome.RevocationUnavailable)
        {
            AuthenticationLog.RevocationUnavailable(logger, context.FunctionDefinition.Name, OutcomeTags.Of(revocation));
        }
        else if (challenge.TokenFailure == CognitoTokenFailure.WrongIssuer && logger.IsEnabled(LogLevel.Information))
        {
            // Guarded: the quoting is paid only when the line is written, not on every foreign token.
            AuthenticationLog.IssuerRejected(
                logger, context.FunctionDefinition.Name, challenge.Tag, (int)challenge.Status, LogText.Quote(untrustedIssuer), _trustedIssuers);
        }
        else if (challenge.Outcome != AuthOutcome.CheckFailed)
        {
            // (A failed check has its line, with the exception, from where it failed.)
            AuthenticationLog.RequestRejected(logger, context.FunctionDefinition.Name, challenge.Tag, (int)challenge.Status);
        }

        return await ProblemResponseWriter.WriteAsync(request, challenge, _realm, TraceId(context), context.CancellationToken);
    }

    private static AuthOutcome Refusal(RevocationVerdict verdict) => verdict switch
    {
        RevocationVerdict.Revoked => AuthOutcome.Revoked,
        RevocationVerdict.UserNotFound => AuthOutcome.UserNotFound,
        _ => AuthOutcome.RevocationUnavailable,
    };

    /// <summary>The W3C trace id of the invocation, else its invocation id.</summary>
    internal static string TraceId(FunctionContext context) =>
        W3CTraceParent.TraceId(context.TraceContext?.TraceParent) ?? context.InvocationId;
}
