using System.Net;
using System.Web;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Azure.Core.Pipeline;
using Azure.Identity;
using CognitoFunctions.Cognito.Credentials;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Cognito.Tests.Credentials;

/// <summary>
/// The managed-identity path with Azure.Identity's real ManagedIdentityCredential (its IMDS endpoint answered by
/// <see cref="FakeImds"/>) and AWSSDK.SecurityToken's real client against a loopback <see cref="FakeSts"/>; the
/// source's clock is a FakeTimeProvider, so refreshes are driven without waiting.
/// </summary>
public sealed class AzureManagedIdentityCredentialSourceTests : IAsyncLifetime, IDisposable
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/cognito-functions-app";
    private const string Audience = "api://cognito-functions-aws";

    // MSAL keeps managed-identity tokens in a process-wide cache keyed by the identity: one identity per test
    // keeps the tests independent.
    private readonly string _identityClientId = Guid.NewGuid().ToString();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly FakeImds _imds = new();
    private FakeSts _sts = null!;
    private AmazonSecurityTokenServiceClient _stsClient = null!;

    public async Task InitializeAsync()
    {
        _sts = await FakeSts.StartAsync(_time);
        _stsClient = new AmazonSecurityTokenServiceClient(
            new AnonymousAWSCredentials(),
            new AmazonSecurityTokenServiceConfig { ServiceURL = _sts.Address.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }

    public async Task DisposeAsync() => await _sts.DisposeAsync();

    public void Dispose()
    {
        _stsClient?.Dispose();
        _imds.Dispose();
    }

    [Fact]
    public async Task The_managed_identity_token_for_the_audience_is_exchanged_for_the_roles_temporary_credentials()
    {
        var source = CreateSource();

        var credentials = await source.GetCredentialsAsync(CancellationToken.None);

        Assert.Equal(AwsTestKeys.TemporaryAccessKeyId, credentials.AccessKey);
        Assert.Equal(AwsTestKeys.TemporarySecretAccessKey, credentials.SecretKey);
        Assert.Equal(AwsTestKeys.SessionToken, credentials.Token);

        var token = HttpUtility.ParseQueryString(Assert.Single(_imds.Requests).Query);
        Assert.Equal(Audience, token["resource"]);
        Assert.Equal(_identityClientId, token["client_id"]);

        var exchange = Assert.Single(_sts.Requests);
        Assert.Equal("AssumeRoleWithWebIdentity", exchange["Action"]);
        Assert.Equal("2011-06-15", exchange["Version"]);
        Assert.Equal(RoleArn, exchange["RoleArn"]);
        Assert.Equal("cognito-functions", exchange["RoleSessionName"]);
        Assert.Equal(FakeImds.TokenNumber(1), exchange["WebIdentityToken"]);
    }

    [Fact]
    public async Task Credentials_are_reused_until_the_refresh_window_and_replaced_before_they_expire()
    {
        var source = CreateSource();
        await source.GetCredentialsAsync(CancellationToken.None);

        // Lifetime 1 h, refreshed 5 min before expiry.
        _time.Advance(TimeSpan.FromMinutes(54));
        await source.GetCredentialsAsync(CancellationToken.None);
        Assert.Single(_sts.Requests);

        _time.Advance(TimeSpan.FromMinutes(2));
        await source.GetCredentialsAsync(CancellationToken.None);
        Assert.Equal(2, _sts.Requests.Count);

        _time.Advance(TimeSpan.FromMinutes(30));
        await source.GetCredentialsAsync(CancellationToken.None);
        Assert.Equal(2, _sts.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_callers_in_the_refresh_window_share_one_exchange()
    {
        var source = CreateSource();
        await source.GetCredentialsAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(56));
        _sts.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 8).Select(_ => source.GetCredentialsAsync(CancellationToken.None).AsTask()).ToArray();
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        _sts.Gate.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(2, _sts.Requests.Count);
        Assert.All(results, r => Assert.Equal(AwsTestKeys.TemporaryAccessKeyId, r.AccessKey));
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_still_valid_credentials_and_fails_once_they_have_expired()
    {
        var source = CreateSource();
        var first = await source.GetCredentialsAsync(CancellationToken.None);
        _sts.FailWith = "InvalidIdentityToken";

        _time.Advance(TimeSpan.FromMinutes(57));
        var kept = await source.GetCredentialsAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4));
        var error = await Assert.ThrowsAsync<AwsCredentialsUnavailableException>(() => source.GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Same(first, kept);
        Assert.Contains("InvalidIdentityToken", error.Message, StringComparison.Ordinal);
        Assert.Contains(RoleArn, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-entra-token", error.Message, StringComparison.Ordinal);

        // The next call tries again, and succeeds once STS does.
        _sts.FailWith = null;
        Assert.Equal(AwsTestKeys.TemporaryAccessKeyId, (await source.GetCredentialsAsync(CancellationToken.None)).AccessKey);
    }

    [Fact]
    public async Task An_identity_that_gets_no_token_is_reported_as_unavailable_credentials_without_calling_STS()
    {
        _imds.FailWith = HttpStatusCode.BadRequest;
        var source = CreateSource();

        var error = await Assert.ThrowsAsync<AwsCredentialsUnavailableException>(() => source.GetCredentialsAsync(CancellationToken.None).AsTask());

        Assert.Contains($"{Audience}/.default", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sts.Requests);
    }

    [Fact]
    public async Task The_exchanged_credentials_sign_Cognito_calls_that_a_verifying_endpoint_accepts()
    {
        await using var cognito = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok());
        await using var services = TestClients.Create(cognito.Address, credentials: CreateSource());

        await services.Client().AdminDeleteUserAsync(new AdminDeleteUserRequest { Username = "a@example.com" });

        var signature = Assert.Single(cognito.Requests).Signature!;
        Assert.True(signature.IsValid, signature.Failure);
        Assert.Equal(AwsTestKeys.TemporaryAccessKeyId, signature.AccessKeyId);
    }

    private AzureManagedIdentityCredentialSource CreateSource()
    {
        var options = new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(_identityClientId))
        {
            Transport = new HttpClientTransport(new HttpClient(_imds, disposeHandler: false)),
        };
        options.Retry.MaxRetries = 0;
        return new AzureManagedIdentityCredentialSource(
            new ManagedIdentityCredential(options),
            _stsClient,
            new AwsOptions { CredentialSource = AwsCredentialSource.AzureManagedIdentity, RoleArn = RoleArn, WebIdentityAudience = Audience, ManagedIdentityClientId = _identityClientId },
            _time,
            NullLogger<AzureManagedIdentityCredentialSource>.Instance);
    }
}
