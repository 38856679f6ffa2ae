using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using CognitoFunctions.Cognito.Credentials;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Cognito.Signing;

/// <summary>
/// Signs each attempt of a Cognito request with AWS Signature Version 4 (AWSSDK.Core's <see cref="AWSSigV4Signer"/>,
/// service <c>cognito-idp</c>). It runs inside the resilience handler, so every retry is signed afresh with the
/// current time and credentials; requests marked <see cref="Unsigned"/> (operations Cognito authorizes by token,
/// not IAM) go out without a signature, as the AWS SDKs send them.
/// </summary>
internal sealed class SigV4SigningHandler(IAwsCredentialSource credentials, IOptions<CognitoOptions> options, TimeProvider time) : DelegatingHandler
{
    /// <summary>The service name in the credential scope.</summary>
    public const string ServiceName = "cognito-idp";

    /// <summary>Set to true on a request that must not be signed.</summary>
    public static readonly HttpRequestOptionsKey<bool> Unsigned = new("CognitoFunctions.Cognito.Unsigned");

    // Added by the signer; a retried request still carries the previous attempt's values.
    private static readonly string[] SignatureHeaders = ["Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token"];

    private readonly RegionEndpoint _region = RegionEndpoint.GetBySystemName(options.Value.Region);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var header in SignatureHeaders)
        {
            request.Headers.Remove(header);
        }

        if (!(request.Options.TryGetValue(Unsigned, out var unsigned) && unsigned))
        {
            await SignAsync(request, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signingRequest = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri ?? throw new InvalidOperationException("A request to sign needs an absolute address."),
            Content = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken),
        };

        // Only headers that no later handler or proxy rewrites are signed: Content-Type and the x-amz-* ones
        // (Host is added by the signer from the address). A signed header changed on the way breaks the signature.
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signingRequest.Headers["Content-Type"] = contentType.ToString();
        }

        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase))
            {
                signingRequest.Headers[name] = string.Join(",", values);
            }
        }

        var current = await credentials.GetCredentialsAsync(cancellationToken);
        var result = await AWSSigV4Signer.SignAsync(
            signingRequest,
            new AWSSigV4Parameters
            {
                Credentials = current.UseToken
                    ? new SessionAWSCredentials(current.AccessKey, current.SecretKey, current.Token)
                    : new BasicAWSCredentials(current.AccessKey, current.SecretKey),
                Region = _region,
                Service = ServiceName,
                SignedAt = time.GetUtcNow().UtcDateTime,
                SignPayload = true,
            },
            cancellationToken);

        foreach (var (name, value) in result.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
