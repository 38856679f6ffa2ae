namespace CognitoFunctions.Cognito.Http;

/// <summary>
/// Sits between the resilience handler and the signing handler and records every attempt of a call in its
/// <see cref="CallRecord"/>: an attempt whose outcome is unknown (no answer, or HTTP 5xx) may have been carried out.
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
        var response = await base.SendAsync(request, cancellationToken);
        // A 4xx answer means Cognito refused the attempt (throttling included); a 5xx may come after the change was made.
        record.AttemptAnswered(outcomeKnown: (int)response.StatusCode < 500);
        return response;
    }
}
