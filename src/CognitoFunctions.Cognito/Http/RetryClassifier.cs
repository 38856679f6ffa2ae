using System.Net;
using CognitoFunctions.Cognito.Errors;
using Polly.Retry;
using Polly.Timeout;

namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// Which failed attempts are retried: HTTP 5xx (but 501 and 505, which no retry mends), network errors, attempt
/// timeouts, and throttling, which Cognito answers with HTTP 400 and a <c>TooManyRequestsException</c> body (also
/// HTTP 429, which means throttling whatever the body). Every other 4xx is final: the request itself is wrong.
/// </summary>
internal static class RetryClassifier
{
    // Error bodies are a few hundred bytes; anything far larger is not Cognito's.
    private const long MaxErrorBodyBytes = 64 * 1024;

    public static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> arguments)
    {
        if (arguments.Outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException;
        }

        return arguments.Outcome.Result is { } response && await IsTransientAsync(response, arguments.Context.CancellationToken);
    }

    public static async ValueTask<bool> IsTransientAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return response.StatusCode is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        return response.StatusCode == HttpStatusCode.BadRequest && await IsThrottlingAsync(response, cancellationToken);
    }

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
