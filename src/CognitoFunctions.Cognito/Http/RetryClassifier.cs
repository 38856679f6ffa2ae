using System.Net;
using CognitoFunctions.Cognito.Errors;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CognitoFunctions.Cognito.Http;

/// <summary>What a failed attempt says about whether Cognito carried it out, and so whether it may be sent again.</summary>
internal enum AttemptFailure
{
    /// <summary>Nothing a retry mends: an answer other than throttling below 500, or HTTP 501 / 505.</summary>
    Final,

    /// <summary>Cognito refused the attempt without doing it: throttling (HTTP 400 with a throttling code, or HTTP 429).</summary>
    Throttled,

    /// <summary>The request never left: no connection could be made (name resolution, refused connection, TLS handshake).</summary>
    NotSent,

    /// <summary>Cognito may have carried it out: the attempt timed out, the connection broke after sending, or HTTP 5xx.</summary>
    OutcomeUnknown,
}

/// <summary>
/// Which failed attempts are retried, operation by operation (<see cref="CognitoOperations"/>): throttling and
/// requests that never left are retried for every operation; an attempt whose outcome is unknown (timeout, a
/// connection broken after sending, HTTP 5xx but 501 and 505) only for a <see cref="CognitoOperation.Repeatable"/>
/// one. Every other answer is final: the request itself is wrong.
/// </summary>
internal static class RetryClassifier
{
    // Error bodies are a few hundred bytes; anything far larger is not Cognito's.
    private const long MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Whether an attempt of <paramref name="operation"/> that failed so may be sent again.</summary>
    public static bool ShouldRetry(CognitoOperation operation, AttemptFailure failure) => failure switch
    {
        AttemptFailure.Throttled or AttemptFailure.NotSent => true,
        AttemptFailure.OutcomeUnknown => operation.Repeatable,
        _ => false,
    };

    public static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> arguments)
    {
        // Every request the client sends carries its record; one without is not the client's and is never resent.
        if (arguments.Context.GetRequestMessage() is not { } request || !request.Options.TryGetValue(CallRecord.Key, out var record))
        {
            return false;
        }

        var failure = arguments.Outcome.Exception is { } exception
            ? Classify(exception)
            : arguments.Outcome.Result is { } response ? await ClassifyAsync(response, arguments.Context.CancellationToken) : AttemptFailure.Final;
        return ShouldRetry(record.Operation, failure);
    }

    /// <summary>What an attempt that threw tells.</summary>
    public static AttemptFailure Classify(Exception exception) => exception switch
    {
        _ when NeverSent(exception) => AttemptFailure.NotSent,
        HttpRequestException or TimeoutRejectedException => AttemptFailure.OutcomeUnknown,
        _ => AttemptFailure.Final,
    };

    /// <summary>What an answer tells; reads (and buffers) the body of an HTTP 400 to find a throttling code.</summary>
    public static async ValueTask<AttemptFailure> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (MayHaveBeenCarriedOut(response.StatusCode))
        {
            return AttemptFailure.OutcomeUnknown;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.BadRequest && await IsThrottlingAsync(response, cancellationToken)))
        {
            return AttemptFailure.Throttled;
        }

        return AttemptFailure.Final;
    }

    /// <summary>An answer with this status may come after Cognito did the work: HTTP 5xx but 501 and 505, which refuse the request as such.</summary>
    public static bool MayHaveBeenCarriedOut(HttpStatusCode status) =>
        (int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported);

    /// <summary>
    /// The attempt failed before any byte of the request left and may be tried again: no connection (SocketsHttpHandler
    /// reports these as connection-phase errors). Errors after the connection was made (<c>ResponseEnded</c>,
    /// <c>Unknown</c>, ...) may come after Cognito received the request. Missing credentials also mean nothing was
    /// sent, but are final: another attempt would only repeat the credential lookup (an STS exchange) and fail alike.
    /// </summary>
    public static bool NeverSent(Exception exception) => exception switch
    {
        HttpRequestException http => http.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        _ => false,
    };

    private static async ValueTask<bool> IsThrottlingAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // The body is buffered so that the client can still read it when this answer is the final one.
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxErrorBodyBytes, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return false;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var error = CognitoErrorBody.Read(body, response.Headers);
        return error.ErrorCode is { } code && CognitoErrorCodes.IsThrottling(CognitoErrorCodes.Parse(code));
    }
}
