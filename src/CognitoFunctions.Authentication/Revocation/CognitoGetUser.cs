using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Asks Cognito whether an access token still opens its account: <c>GetUser</c>, a public operation of the Cognito
/// Identity Provider API authorised by the token itself (AWS JSON 1.1, no SigV4). Only the verdict is read; the user's
/// attributes in the answer are not. Never retried: a refusal for want of an answer is the safe outcome, and the client
/// may send the request again. A client is taken from the factory for each call, so its handler rotation follows DNS.
/// </summary>
internal sealed class CognitoGetUser(Func<HttpClient> httpClient, TimeProvider time)
{
    internal const string HttpClientName = "CognitoFunctions.Authentication.Cognito";
    internal const string Target = "AWSCognitoIdentityProviderService.GetUser";

    /// <summary>An error answer is a short JSON object; more than this is not one.</summary>
    private const int MaxErrorBytes = 16 * 1024;

    /// <summary>GetUser's answer is the user and their attributes; more than this is not Cognito's.</summary>
    private const int MaxAnswerBytes = 64 * 1024;

    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.1");

    public async Task<RevocationVerdict> AskAsync(Uri endpoint, string accessToken, TimeSpan timeout)
    {
        using var budget = new CancellationTokenSource(timeout, time);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Body(accessToken) };
            request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
            using var http = httpClient();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, budget.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // Only GetUser's own answer (an object naming the user) says "not revoked": any other 200 (a proxy's
                // page, an endpoint set wrong) gives no verdict, and the request is refused rather than let through.
                return await MemberAsync(response.Content, "Username", MaxAnswerBytes, budget.Token) is not null
                    ? RevocationVerdict.Active
                    : RevocationVerdict.Error;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return RevocationVerdict.Throttled;
            }

            return (int)response.StatusCode is >= 400 and < 500
                ? Classify(await MemberAsync(response.Content, "__type", MaxErrorBytes, budget.Token))
                : RevocationVerdict.Error;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return RevocationVerdict.Timeout;
        }
        catch (HttpRequestException)
        {
            return RevocationVerdict.NetworkError;
        }
    }

    /// <summary>The verdict for Cognito's error <c>__type</c> (with or without its <c>namespace#</c> prefix).</summary>
    internal static RevocationVerdict Classify(string? errorType)
    {
        var name = errorType is null ? null : errorType[(errorType.LastIndexOf('#') + 1)..];
        return name switch
        {
            "NotAuthorizedException" => RevocationVerdict.Revoked,
            "UserNotFoundException" => RevocationVerdict.UserNotFound,
            "TooManyRequestsException" or "LimitExceededException" => RevocationVerdict.Throttled,
            _ => RevocationVerdict.Error,
        };
    }

    private static ByteArrayContent Body(string accessToken)
    {
        // {"AccessToken":"<jwt>"}: a JWT is base64url and dots, nothing JSON would escape, but the writer decides anyway.
        using var buffer = new MemoryStream(accessToken.Length + 24);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("AccessToken", accessToken);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        content.Headers.ContentType = AmzJson;
        return content;
    }

    /// <summary>The string member <paramref name="name"/> of a JSON object body of at most <paramref name="maxBytes"/>, else null.</summary>
    private static async Task<string?> MemberAsync(HttpContent content, string name, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        var body = await content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length > maxBytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String
                ? member.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
