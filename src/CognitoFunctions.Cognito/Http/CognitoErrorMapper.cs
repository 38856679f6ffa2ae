using System.Net;
using CognitoFunctions.Cognito.Errors;

namespace CognitoFunctions.Cognito.Http;

/// <summary>Turns a final non-success answer into the typed error a caller can act on.</summary>
internal static class CognitoErrorMapper
{
    public static CognitoException Map(string operation, CallAttempts attempts, HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        var status = response.StatusCode;
        var error = CognitoErrorBody.Read(body, response.Headers);
        var requestId = FirstHeader(response, "x-amzn-RequestId");
        var contentType = response.Content.Headers.ContentType?.MediaType;

        if ((int)status >= 500)
        {
            return new CognitoServerErrorException(operation, attempts, status, error.ErrorCode, error.Message, requestId, RetryAfter(response));
        }

        if (status == HttpStatusCode.TooManyRequests || error.ErrorCode is { } throttle && CognitoErrorCodes.IsThrottling(CognitoErrorCodes.Parse(throttle)))
        {
            return new CognitoThrottledException(operation, attempts, status, error.ErrorCode ?? "TooManyRequestsException", error.Message, requestId, RetryAfter(response));
        }

        if ((int)status < 400)
        {
            return new CognitoProtocolException(operation, attempts, status, contentType, "an unexpected status");
        }

        if (error.ErrorCode is { } code)
        {
            return new CognitoServiceException(operation, attempts, status, code, error.Message, requestId);
        }

        return new CognitoProtocolException(operation, attempts, status, contentType, error.IsJson ? "the error has no __type" : "the body is not JSON");
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - (response.Headers.Date ?? DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
