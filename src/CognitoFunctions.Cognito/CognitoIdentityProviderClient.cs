using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Http;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Cognito.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CognitoFunctions.Cognito;

/// <summary>
/// <see cref="ICognitoIdentityProvider"/> over the AWS JSON 1.1 protocol: <c>POST /</c> with
/// <c>X-Amz-Target: AWSCognitoIdentityProviderService.&lt;Operation&gt;</c>. Its HttpClient comes from
/// IHttpClientFactory with the resilience, attempt-recording and signing handlers (see
/// <see cref="CognitoServiceCollectionExtensions.AddCognitoIdentityProvider"/>).
/// </summary>
internal sealed partial class CognitoIdentityProviderClient(HttpClient http, IOptions<CognitoOptions> options, ILogger<CognitoIdentityProviderClient> logger)
    : ICognitoIdentityProvider
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.1");
    private static readonly CognitoJsonContext Json = CognitoJsonContext.Default;

    private readonly CognitoOptions _options = options.Value;

    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("AdminCreateUser", signed: true, request with { UserPoolId = _options.UserPoolId }, Json.AdminCreateUserRequest, Json.AdminCreateUserResponse, cancellationToken);

    public Task AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("AdminSetUserPassword", signed: true, request with { UserPoolId = _options.UserPoolId }, Json.AdminSetUserPasswordRequest, cancellationToken);

    public Task<AdminInitiateAuthResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("AdminInitiateAuth", signed: true, WithSecretHash(request) with { UserPoolId = _options.UserPoolId, ClientId = _options.ClientId }, Json.AdminInitiateAuthRequest, Json.AdminInitiateAuthResponse, cancellationToken);

    public Task AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("AdminDeleteUser", signed: true, request with { UserPoolId = _options.UserPoolId }, Json.AdminDeleteUserRequest, cancellationToken);

    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("AdminGetUser", signed: true, request with { UserPoolId = _options.UserPoolId }, Json.AdminGetUserRequest, Json.AdminGetUserResponse, cancellationToken);

    public Task AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("AdminAddUserToGroup", signed: true, request with { UserPoolId = _options.UserPoolId }, Json.AdminAddUserToGroupRequest, cancellationToken);

    public Task AdminUserGlobalSignOutAsync(AdminUserGlobalSignOutRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("AdminUserGlobalSignOut", signed: true, request with { UserPoolId = _options.UserPoolId }, Json.AdminUserGlobalSignOutRequest, cancellationToken);

    public Task RevokeTokenAsync(RevokeTokenRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("RevokeToken", signed: false, request with { ClientId = _options.ClientId, ClientSecret = NullIfEmpty(_options.ClientSecret) }, Json.RevokeTokenRequest, cancellationToken);

    public Task<ForgotPasswordResponse> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ForgotPassword", signed: false, request with { ClientId = _options.ClientId, SecretHash = SecretHashFor(request.Username) }, Json.ForgotPasswordRequest, Json.ForgotPasswordResponse, cancellationToken);

    public Task ConfirmForgotPasswordAsync(ConfirmForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ConfirmForgotPassword", signed: false, request with { ClientId = _options.ClientId, SecretHash = SecretHashFor(request.Username) }, Json.ConfirmForgotPasswordRequest, cancellationToken);

    public Task ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ChangePassword", signed: false, request, Json.ChangePasswordRequest, cancellationToken);

    public Task<GetUserResponse> GetUserAsync(GetUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("GetUser", signed: false, request, Json.GetUserRequest, Json.GetUserResponse, cancellationToken);

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ListUsers", signed: true, request with { UserPoolId = _options.UserPoolId }, Json.ListUsersRequest, Json.ListUsersResponse, cancellationToken);

    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(CancellationToken cancellationToken = default) =>
        CallAsync("DescribeUserPool", signed: true, new DescribeUserPoolRequest { UserPoolId = _options.UserPoolId }, Json.DescribeUserPoolRequest, Json.DescribeUserPoolResponse, cancellationToken);

    private AdminInitiateAuthRequest WithSecretHash(AdminInitiateAuthRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_options.HasClientSecret || request.AuthParameters.ContainsKey("SECRET_HASH"))
        {
            return request;
        }

        var username = request.SecretHashUsername
            ?? (request.AuthFlow == AuthFlowType.AdminUserPasswordAuth ? request.AuthParameters.GetValueOrDefault("USERNAME") : null)
            ?? throw new ArgumentException(
                $"{request.AuthFlow} with an app client secret needs the Cognito username for SECRET_HASH ({nameof(AdminInitiateAuthRequest.SecretHashUsername)}).",
                nameof(request));

        var parameters = new Dictionary<string, string>(request.AuthParameters, StringComparer.Ordinal)
        {
            ["SECRET_HASH"] = SecretHash.Compute(_options.ClientSecret!, username, _options.ClientId),
        };
        return request with { AuthParameters = parameters };
    }

    private string? SecretHashFor(string username) =>
        _options.HasClientSecret ? SecretHash.Compute(_options.ClientSecret!, username, _options.ClientId) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private async Task CallAsync<TRequest>(string operation, bool signed, TRequest request, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        _ = await SendAsync(operation, signed, request, requestType, cancellationToken);
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string operation, bool signed, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var response = await SendAsync(operation, signed, request, requestType, cancellationToken);
        var body = response.Body;
        try
        {
            return JsonSerializer.Deserialize(body.Length == 0 ? "{}"u8 : body.Span, responseType)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new CognitoProtocolException(operation, response.Attempts, response.StatusCode, response.ContentType, $"the body is not a {typeof(TResponse).Name}: {ex.Message}", ex);
        }
    }

    private async Task<Answer> SendAsync<TRequest>(string operation, bool signed, TRequest request, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, requestType)),
        };
        message.Content.Headers.ContentType = AmzJson;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        var record = new CallRecord();
        message.Options.Set(CallRecord.Key, record);
        message.Options.Set(SigV4SigningHandler.Unsigned, !signed);

        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            LogUnavailable(logger, operation, "timeout", record.Attempts.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new CognitoTimeoutException(operation, record.Attempts, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, should it ever be set shorter than the pipeline's total timeout.
            LogUnavailable(logger, operation, "timeout", record.Attempts.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new CognitoTimeoutException(operation, record.Attempts, ex);
        }
        catch (HttpRequestException ex)
        {
            LogUnavailable(logger, operation, "transport", record.Attempts.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new CognitoTransportException(operation, record.Attempts, ex);
        }
        catch (AwsCredentialsUnavailableException ex)
        {
            LogUnavailable(logger, operation, "credentials", record.Attempts.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new CognitoCredentialsException(operation, record.Attempts, ex);
        }

        using (response)
        {
            // Buffered already (ResponseContentRead): reading it cannot fail on the network any more.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);

            var attempts = record.Attempts;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (response.IsSuccessStatusCode)
            {
                LogAnswered(logger, operation, (int)response.StatusCode, attempts.Count, elapsed);
                return new Answer(response.StatusCode, contentType, body, attempts);
            }

            var error = CognitoErrorMapper.Map(operation, attempts, response, body);
            var errorCode = (error as CognitoServiceException)?.ErrorCode ?? (error as CognitoServerErrorException)?.ErrorCode;
            LogFailed(logger, operation, (int)response.StatusCode, errorCode, attempts.Count, elapsed);
            throw error;
        }
    }

    private readonly record struct Answer(HttpStatusCode StatusCode, string? ContentType, ReadOnlyMemory<byte> Body, CallAttempts Attempts);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Cognito {Operation} answered {StatusCode} after {Attempts} attempt(s) in {ElapsedMs:F0} ms.")]
    private static partial void LogAnswered(ILogger logger, string operation, int statusCode, int attempts, double elapsedMs);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Cognito {Operation} failed with {StatusCode} {ErrorCode} after {Attempts} attempt(s) in {ElapsedMs:F0} ms.")]
    private static partial void LogFailed(ILogger logger, string operation, int statusCode, string? errorCode, int attempts, double elapsedMs);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Cognito {Operation} got no usable answer ({Reason}) after {Attempts} attempt(s) in {ElapsedMs:F0} ms.")]
    private static partial void LogUnavailable(ILogger logger, string operation, string reason, int attempts, double elapsedMs);
}
