using System.Net;
using System.Text;

namespace CognitoFunctions.Authentication;

/// <summary>
/// GETs a JWKS document within a time budget. A transient failure (connection error, 5xx, 408, 429) is retried once
/// within the same budget; anything else (404, a document too large) is final. The budget runs on the injected
/// <see cref="TimeProvider"/> so tests can expire it without waiting. A client is taken from the factory for each
/// fetch, so the factory's handler rotation follows DNS changes of the JWKS host.
/// </summary>
internal sealed class JwksFetcher(Func<HttpClient> httpClient, TimeProvider time)
{
    /// <summary>A real JWKS is a few kilobytes; anything much larger is not one.</summary>
    internal const int MaxDocumentBytes = 256 * 1024;

    public async Task<JwksFetchResult> FetchAsync(Uri address, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        JwksFetchResult? result = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                result = await GetAsync(address, linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return new JwksFetchResult(JwksFetchOutcome.Timeout, null);
            }
            catch (HttpRequestException e)
            {
                result = new JwksFetchResult(JwksFetchOutcome.NetworkError, null, Error: e);
            }

            if (!IsTransient(result))
            {
                return result;
            }
        }

        return result!;
    }

    private async Task<JwksFetchResult> GetAsync(Uri address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.ParseAdd("application/json");
        using var http = httpClient();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new JwksFetchResult(JwksFetchOutcome.HttpError, null, (int)response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
        {
            return new JwksFetchResult(JwksFetchOutcome.InvalidDocument, null, 200);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            document.Write(chunk, 0, read);
            if (document.Length > MaxDocumentBytes)
            {
                return new JwksFetchResult(JwksFetchOutcome.InvalidDocument, null, 200);
            }
        }

        return JwksFetchResult.Fetched(Encoding.UTF8.GetString(document.GetBuffer(), 0, (int)document.Length));
    }

    private static bool IsTransient(JwksFetchResult result) => result.Outcome switch
    {
        JwksFetchOutcome.NetworkError => true,
        JwksFetchOutcome.HttpError => result.StatusCode is >= 500 or 408 or 429,
        _ => false,
    };
}
