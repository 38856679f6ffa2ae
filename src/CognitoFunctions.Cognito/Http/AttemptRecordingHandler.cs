using CognitoFunctions.Cognito.Errors;

namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// Sits between the resilience handler and the signing handler and records every attempt of a call in its
/// <see cref="CallRecord"/>: an attempt whose outcome is unknown (no answer after the request may have left, or
/// HTTP 5xx) may have been carried out.
/// </summary>
internal sealed class AttemptRecordingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(CallRecord.Key, out var record))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        record.AttemptStarted();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is AwsCredentialsUnavailableException || RetryClassifier.NeverSent(ex))
        {
            record.AttemptEnded(outcomeKnown: true);
            throw;
        }

        // A 4xx answer means Cognito refused the attempt (throttling included); a 5xx may come after the change was made.
        record.AttemptEnded(outcomeKnown: !RetryClassifier.MayHaveBeenCarriedOut(response.StatusCode));
        return response;
    }
}
