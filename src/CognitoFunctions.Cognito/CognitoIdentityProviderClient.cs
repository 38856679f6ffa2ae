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
internal sealed partial class CognitoIdentityProviderClient(
    HttpClient http, IOptions<CognitoOptions> options, CognitoMetrics metrics, ILogger<CognitoIdentityProviderClient> logger)
    : ICognitoIdentityProvider
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.1");
    private static readonly CognitoJsonContext Json = CognitoJsonContext.Default;

    private readonly CognitoOptions _options = options.Value;

    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.AdminCreateUser, request with { UserPoolId = _options.UserPoolId }, Json.AdminCreateUserRequest, Json.AdminCreateUserResponse, cancellationToken);

    public Task AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.AdminSetUserPassword, request with { UserPoolId = _options.UserPoolId }, Json.AdminSetUserPasswordRequest, cancellationToken);

    public Task<AuthFlowResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.AdminInitiateAuth, WithSecretHash(request) with { UserPoolId = _options.UserPoolId, ClientId = _options.ClientId }, Json.AdminInitiateAuthRequest, Json.AuthFlowResponse, cancellationToken);

    public Task<AuthFlowResponse> AdminRespondToAuthChallengeAsync(RespondToAuthChallengeRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(
            CognitoOperations.AdminRespondToAuthChallenge,
            WithSecretHash(request) with { UserPoolId = _options.UserPoolId, ClientId = _options.ClientId, UserContextData = null },
            Json.RespondToAuthChallengeRequest,
            Json.AuthFlowResponse,
            cancellationToken);

    public Task<AuthFlowResponse> InitiateAuthAsync(InitiateAuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = WithSecretHash(request.AuthParameters, request.AuthParameters.GetValueOrDefault("USERNAME"), request.AuthFlow.ToString());
        return CallAsync(CognitoOperations.InitiateAuth, request with { AuthParameters = parameters, ClientId = _options.ClientId }, Json.InitiateAuthRequest, Json.AuthFlowResponse, cancellationToken);
    }

    public Task<AuthFlowResponse> RespondToAuthChallengeAsync(RespondToAuthChallengeRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(
            CognitoOperations.RespondToAuthChallenge,
            WithSecretHash(request) with { UserPoolId = null, ClientId = _options.ClientId, ContextData = null },
            Json.RespondToAuthChallengeRequest,
            Json.AuthFlowResponse,
            cancellationToken);

    public Task AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.AdminDeleteUser, request with { UserPoolId = _options.UserPoolId }, Json.AdminDeleteUserRequest, cancellationToken);

    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.AdminGetUser, request with { UserPoolId = _options.UserPoolId }, Json.AdminGetUserRequest, Json.AdminGetUserResponse, cancellationToken);

    public Task AdminUserGlobalSignOutAsync(AdminUserGlobalSignOutRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.AdminUserGlobalSignOut, request with { UserPoolId = _options.UserPoolId }, Json.AdminUserGlobalSignOutRequest, cancellationToken);

    public Task RevokeTokenAsync(RevokeTokenRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.RevokeToken, request with { ClientId = _options.ClientId, ClientSecret = NullIfEmpty(_options.ClientSecret) }, Json.RevokeTokenRequest, cancellationToken);

    public Task<ForgotPasswordResponse> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.ForgotPassword, request with { ClientId = _options.ClientId, SecretHash = SecretHashFor(request.Username) }, Json.ForgotPasswordRequest, Json.ForgotPasswordResponse, cancellationToken);

    public Task ConfirmForgotPasswordAsync(ConfirmForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.ConfirmForgotPassword, request with { ClientId = _options.ClientId, SecretHash = SecretHashFor(request.Username) }, Json.ConfirmForgotPasswordRequest, cancellationToken);

    public Task ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.ChangePassword, request, Json.ChangePasswordRequest, cancellationToken);

    public Task<AssociateSoftwareTokenResponse> AssociateSoftwareTokenAsync(AssociateSoftwareTokenRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.AssociateSoftwareToken, request, Json.AssociateSoftwareTokenRequest, Json.AssociateSoftwareTokenResponse, cancellationToken);

    public Task<VerifySoftwareTokenResponse> VerifySoftwareTokenAsync(VerifySoftwareTokenRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.VerifySoftwareToken, request, Json.VerifySoftwareTokenRequest, Json.VerifySoftwareTokenResponse, cancellationToken);

    public Task SetUserMFAPreferenceAsync(SetUserMfaPreferenceRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.SetUserMFAPreference, request, Json.SetUserMfaPreferenceRequest, cancellationToken);
    public Task DeleteUserAsync(DeleteUserRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.DeleteUser, request, Json.DeleteUserRequest, cancellationToken);

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.ListUsers, request with { UserPoolId = _options.UserPoolId }, Json.ListUsersRequest, Json.ListUsersResponse, cancellationToken);

    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.DescribeUserPool, new DescribeUserPoolRequest { UserPoolId = _options.UserPoolId }, Json.DescribeUserPoolRequest, Json.DescribeUserPoolResponse, cancellationToken);

    public Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(CancellationToken cancellationToken = default) =>
        CallAsync(
            CognitoOperations.DescribeUserPoolClient,
            new DescribeUserPoolClientRequest { UserPoolId = _options.UserPoolId, ClientId = _options.ClientId },
            Json.DescribeUserPoolClientRequest,
            Json.DescribeUserPoolClientResponse,
            cancellationToken);

    public Task<GetUserAttributeVerificationCodeResponse> GetUserAttributeVerificationCodeAsync(GetUserAttributeVerificationCodeRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.GetUserAttributeVerificationCode, request, Json.GetUserAttributeVerificationCodeRequest, Json.GetUserAttributeVerificationCodeResponse, cancellationToken);

    public Task VerifyUserAttributeAsync(VerifyUserAttributeRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(CognitoOperations.VerifyUserAttribute, request, Json.VerifyUserAttributeRequest, cancellationToken);

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

        return request with { AuthParameters = WithSecretHash(request.AuthParameters, username, request.AuthFlow.ToString()) };
    }

    private RespondToAuthChallengeRequest WithSecretHash(RespondToAuthChallengeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var responses = WithSecretHash(request.ChallengeResponses, request.ChallengeResponses.GetValueOrDefault("USERNAME"), request.ChallengeName);
        return request with { ChallengeResponses = responses };
    }

    /// <summary><paramref name="parameters"/> with SECRET_HASH of <paramref name="username"/> added when the app client has a secret.</summary>
    private IReadOnlyDictionary<string, string> WithSecretHash(IReadOnlyDictionary<string, string> parameters, string? username, string what)
    {
        if (!_options.HasClientSecret || parameters.ContainsKey("SECRET_HASH"))
        {
            return parameters;
        }

        return new Dictionary<string, string>(parameters, StringComparer.Ordinal)
        {
            ["SECRET_HASH"] = SecretHash.Compute(
                _options.ClientSecret!,
                username ?? throw new ArgumentException($"{what} with an app client secret needs USERNAME for SECRET_HASH.", nameof(parameters)),
                _options.ClientId),
        };
    }

    private string? SecretHashFor(string username) =>
        _options.HasClientSecret ? SecretHash.Compute(_options.ClientSecret!, username, _options.ClientId) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private async Task CallAsync<TRequest>(CognitoOperation operation, TRequest request, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken) =>
        _ = await SendAsync(operation, request, requestType, static _ => true, cancellationToken);

    private Task<TResponse> CallAsync<TRequest, TResponse>(
        CognitoOperation operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        SendAsync(operation, request, requestType, answer => Read(operation, answer, responseType), cancellationToken);

    private static TResponse Read<TResponse>(CognitoOperation operation, Answer answer, JsonTypeInfo<TResponse> responseType)
    {
        try
        {
            return JsonSerializer.Deserialize(answer.Body.Length == 0 ? "{}"u8 : answer.Body.Span, responseType)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new CognitoProtocolException(operation.Name, answer.Attempts, answer.StatusCode, answer.ContentType, $"the body is not a {typeof(TResponse).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// One call with its retries; ends it exactly once, whatever its outcome (one log line, one client span, one
    /// duration), and throws the typed error of a failure. The span is a child of <see cref="Activity.Current"/> (the
    /// invocation's, joined to the caller's W3C trace context) and the parent of the HTTP attempts.
    /// </summary>
    private async Task<T> SendAsync<TRequest, T>(CognitoOperation operation, TRequest request, JsonTypeInfo<TRequest> requestType, Func<Answer, T> read, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, requestType)),
        };
        message.Content.Headers.ContentType = AmzJson;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation.Name);
        var record = new CallRecord(operation);
        message.Options.Set(CallRecord.Key, record);
        message.Options.Set(SigV4SigningHandler.Unsigned, !operation.IamAuthorized);

        var started = Stopwatch.GetTimestamp();
        using var activity = CognitoTelemetry.StartCall(operation);
        void End(LogLevel level, string logOutcome, string outcome, string? errorCode = null, bool unknown = false)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var attempts = record.Attempts.Count;
            LogCall(logger, level, operation.Name, logOutcome, attempts, elapsed.TotalMilliseconds);
            metrics.Record(operation.Name, outcome, errorCode, elapsed.TotalSeconds);
            CognitoTelemetry.EndCall(activity, outcome, errorCode, attempts, unknown);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            End(LogLevel.Information, "cancelled by the caller", CallOutcome.Cancelled);
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException)
        {
            // OperationCanceledException: HttpClient.Timeout, should it ever be set shorter than the pipeline's total timeout.
            throw Lost(End, record, CallOutcome.Timeout, "timeout", null, new CognitoTimeoutException(operation.Name, record.Attempts, ex), retryAfter: null);
        }
        catch (HttpRequestException ex)
        {
            throw Lost(End, record, CallOutcome.Transport, "transport", null, new CognitoTransportException(operation.Name, record.Attempts, ex), retryAfter: null);
        }
        catch (AwsCredentialsUnavailableException ex)
        {
            End(LogLevel.Warning, "credentials", CallOutcome.Credentials);
            throw new CognitoCredentialsException(operation.Name, record.Attempts, ex);
        }

        using (response)
        {
            // Buffered already (ResponseContentRead): reading it cannot fail on the network any more.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var answer = new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, record.Attempts);
            if (response.IsSuccessStatusCode)
            {
                T value;
                try
                {
                    value = read(answer);
                }
                catch (CognitoProtocolException)
                {
                    End(LogLevel.Warning, "unreadable answer", CallOutcome.Unreadable);
                    throw;
                }

                End(LogLevel.Information, "ok", CallOutcome.Ok);
                return value;
            }

            var error = CognitoErrorMapper.Map(operation.Name, answer.Attempts, response, body);
            switch (error)
            {
                case CognitoServerErrorException server:
                    throw Lost(End, record, CallOutcome.ServerError, $"HTTP {(int)server.StatusCode} {server.ErrorCode}".TrimEnd(), server.ErrorCode, server, server.RetryAfter);
                case CognitoThrottledException throttled:
                    End(LogLevel.Warning, throttled.ErrorCode, CallOutcome.Throttled, throttled.ErrorCode);
                    break;
                case CognitoServiceException service:
                    End(LogLevel.Information, service.ErrorCode, CallOutcome.ServiceError, service.ErrorCode);
                    break;
                default:
                    End(LogLevel.Warning, "unreadable answer", CallOutcome.Unreadable);
                    break;
            }

            throw error;
        }
    }

    /// <summary>
    /// The error to throw for an answer that never came or came as HTTP 5xx: <paramref name="definite"/>, unless the
    /// operation is not safe to repeat and an attempt may have been carried out; then the outcome is unknown.
    /// </summary>
    private static CognitoException Lost(
        CallEnd end, CallRecord record, string reason, string detail, string? errorCode, CognitoUnavailableException definite, TimeSpan? retryAfter)
    {
        if (!record.Operation.Repeatable && record.AnyOutcomeUnknown)
        {
            end(LogLevel.Warning, $"outcome unknown ({detail})", reason, errorCode, unknown: true);
            return new CognitoOutcomeUnknownException(record.Operation.Name, record.Attempts, reason, retryAfter, definite);
        }

        end(LogLevel.Warning, detail, reason, errorCode);
        return definite;
    }

    private delegate void CallEnd(LogLevel level, string logOutcome, string outcome, string? errorCode = null, bool unknown = false);

    private readonly record struct Answer(HttpStatusCode StatusCode, string? ContentType, ReadOnlyMemory<byte> Body, CallAttempts Attempts);

    [LoggerMessage(EventId = 110, Message = "Cognito {Operation}: {Outcome} after {Attempts} attempt(s) in {ElapsedMs:F0} ms.")]
    private static partial void LogCall(ILogger logger, LogLevel level, string operation, string outcome, int attempts, double elapsedMs);
}
