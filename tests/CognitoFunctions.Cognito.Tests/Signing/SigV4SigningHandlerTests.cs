using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using CognitoFunctions.Cognito.Credentials;
using CognitoFunctions.Cognito.Signing;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Cognito.Tests.Signing;

public sealed class SigV4SigningHandlerTests
{
    private static readonly DateTimeOffset SignedAt = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TheoryData<string, bool> Requests => new()
    {
        { "https://cognito-idp.us-east-1.amazonaws.com/", false },
        { "https://cognito-idp.us-east-1.amazonaws.com/", true },
        // cognito-local's kind of address: the port belongs in the signed Host.
        { "http://127.0.0.1:9229/", false },
        { "http://127.0.0.1:9229/", true },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_Authorization_header_equals_what_two_independent_signers_produce(string url, bool withSessionToken)
    {
        var credentials = withSessionToken
            ? new ImmutableCredentials("ASIAEXAMPLE000000001", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2VjEExampleSessionToken==")
            : new ImmutableCredentials("AKIAEXAMPLE000000001", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token: null);
        var body = Encoding.UTF8.GetBytes("""{"UserPoolId":"us-east-1_AbCdEf123","Username":"someone@example.com"}""");
        using var request = CognitoRequest(url, "AdminGetUser", body);

        var sent = await SendThroughHandlerAsync(request, new StaticCredentialSource(credentials), new FakeTimeProvider(SignedAt));

        // What the independent signers are given: the same request and the headers our handler chose to sign.
        var toSign = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/x-amz-json-1.1",
            ["X-Amz-Target"] = "AWSCognitoIdentityProviderService.AdminGetUser",
            ["X-Amz-Content-SHA256"] = Single(sent, "X-Amz-Content-SHA256"),
        };
        var independent = await IndependentSigners.SignAsync(request, body, toSign, credentials, "us-east-1", SignedAt);

        var authorization = Single(sent, "Authorization");
        Assert.Equal(independent.Smithy["authorization"]!.GetValue<string>(), authorization);
        Assert.Equal(independent.Aws4["authorization"]!.GetValue<string>(), authorization);
        Assert.Equal("20240102T030405Z", Single(sent, "X-Amz-Date"));
        // The payload hash the signers took from the header is checked on its own here.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), Single(sent, "X-Amz-Content-SHA256"));
        if (withSessionToken)
        {
            Assert.Equal(credentials.Token, Single(sent, "X-Amz-Security-Token"));
            Assert.Contains("x-amz-security-token", authorization, StringComparison.Ordinal);
        }
        else
        {
            Assert.False(sent.Headers.Contains("X-Amz-Security-Token"));
        }
    }

    [Fact]
    public async Task A_request_sent_again_carries_only_the_new_attempts_signature()
    {
        var time = new FakeTimeProvider(SignedAt);
        var credentials = StaticCredentialSource.Temporary;
        var body = Encoding.UTF8.GetBytes("{}");
        using var request = CognitoRequest("https://cognito-idp.us-east-1.amazonaws.com/", "ListUsers", body);
        var capture = new CapturingHandler();
        using var invoker = new HttpMessageInvoker(new SigV4SigningHandler(credentials, Options(), time) { InnerHandler = capture });

        using (await invoker.SendAsync(request, CancellationToken.None))
        {
        }

        var first = Single(capture.Last!, "Authorization");
        time.Advance(TimeSpan.FromSeconds(7));
        using (await invoker.SendAsync(request, CancellationToken.None))
        {
        }

        Assert.Equal(2, credentials.Calls);
        Assert.Equal("20240102T030412Z", Single(capture.Last!, "X-Amz-Date"));
        Assert.NotEqual(first, Single(capture.Last!, "Authorization"));
        Assert.Equal(AwsTestKeys.SessionToken, Single(capture.Last!, "X-Amz-Security-Token"));
        Assert.Single(capture.Last!.Headers.GetValues("X-Amz-Content-SHA256"));
    }

    [Fact]
    public async Task A_request_marked_unsigned_goes_out_without_any_signature_headers()
    {
        var credentials = StaticCredentialSource.LongTerm;
        using var request = CognitoRequest("https://cognito-idp.us-east-1.amazonaws.com/", "ChangePassword", Encoding.UTF8.GetBytes("{}"));
        request.Options.Set(SigV4SigningHandler.Unsigned, true);
        // Left over from an earlier signed attempt of the same message.
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 stale");

        var sent = await SendThroughHandlerAsync(request, credentials, new FakeTimeProvider(SignedAt));

        Assert.False(sent.Headers.Contains("Authorization"));
        Assert.False(sent.Headers.Contains("X-Amz-Date"));
        Assert.Equal(0, credentials.Calls);
    }

    [Fact]
    public async Task The_verifier_of_the_fake_rejects_a_signature_made_with_another_secret_or_too_long_ago()
    {
        // The loopback tests rely on this verifier accepting signatures; here it must also refuse bad ones.
        var now = DateTimeOffset.UtcNow;
        var wrongSecret = new StaticCredentialSource(new ImmutableCredentials(AwsTestKeys.AccessKeyId, "not-the-secret-the-fake-knows-000000000", token: null));
        var stale = new FakeTimeProvider(now - TimeSpan.FromMinutes(6));
        var cases = new (IAwsCredentialSource Credentials, TimeProvider Time, string Expected)[]
        {
            (wrongSecret, new FakeTimeProvider(now), "SignatureDoesNotMatch"),
            (StaticCredentialSource.LongTerm, stale, "Signature expired"),
            (StaticCredentialSource.LongTerm, new FakeTimeProvider(now), ""),
        };

        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok());
        foreach (var (credentials, time, expected) in cases)
        {
            using var request = CognitoRequest(fake.Address.ToString(), "ListUsers", Encoding.UTF8.GetBytes("{}"));
            using var invoker = new HttpMessageInvoker(new SigV4SigningHandler(credentials, Options(), time) { InnerHandler = new SocketsHttpHandler() });
            using var response = await invoker.SendAsync(request, CancellationToken.None);

            var verdict = fake.Requests[^1].Signature!;
            if (expected.Length == 0)
            {
                Assert.True(verdict.IsValid, verdict.Failure);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.Contains(expected, verdict.Failure, StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            }
        }
    }

    internal static HttpRequestMessage CognitoRequest(string url, string operation, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
        return request;
    }

    private static async Task<HttpRequestMessage> SendThroughHandlerAsync(HttpRequestMessage request, IAwsCredentialSource credentials, TimeProvider time)
    {
        var capture = new CapturingHandler();
        using var invoker = new HttpMessageInvoker(new SigV4SigningHandler(credentials, Options(), time) { InnerHandler = capture });
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        return capture.Last!;
    }

    private static IOptions<CognitoOptions> Options() =>
        Microsoft.Extensions.Options.Options.Create(new CognitoOptions { Region = "us-east-1", UserPoolId = "us-east-1_AbCdEf123", ClientId = "client" });

    private static string Single(HttpRequestMessage request, string header) => Assert.Single(request.Headers.GetValues(header));

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
