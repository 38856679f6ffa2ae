using System.Collections.Concurrent;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Tests.Fakes;

/// <summary>
/// A Cognito client whose operations answer as the test scripts them (by operation name, e.g. "AdminGetUser") and
/// record every call with its request and cancellation token; an operation the test did not script fails the test.
/// For what cognito-local cannot show: a fault in one exact step of a flow.
/// </summary>
internal sealed class ScriptedCognito : ICognitoIdentityProvider
{
    private readonly ConcurrentDictionary<string, Func<object?, CancellationToken, Task<object?>>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Operation, object? Request, CancellationToken Token)> _calls = new();

    /// <summary>Every call so far, in order.</summary>
    public IReadOnlyList<(string Operation, object? Request, CancellationToken Token)> Calls => [.. _calls];

    /// <summary>How many times <paramref name="operation"/> was called.</summary>
    public int CountOf(string operation) => _calls.Count(c => c.Operation == operation);

    /// <summary>Scripts an operation with an answer.</summary>
    public ScriptedCognito On<TRequest, TResponse>(string operation, Func<TRequest, CancellationToken, Task<TResponse>> answer)
    {
        _handlers[operation] = async (request, token) => await answer((TRequest)request!, token);
        return this;
    }

    /// <summary>Scripts an operation without an answer body.</summary>
    public ScriptedCognito On<TRequest>(string operation, Func<TRequest, CancellationToken, Task> answer)
    {
        _handlers[operation] = async (request, token) =>
        {
            await answer((TRequest)request!, token);
            return null;
        };
        return this;
    }

    /// <summary>Scripts an operation with an answer computed at once from the request (or an exception it throws).</summary>
    public ScriptedCognito Answer<TRequest, TResponse>(string operation, Func<TRequest, TResponse> answer) =>
        On<TRequest, TResponse>(operation, (request, _) => Task.FromResult(answer(request)));

    /// <summary>Scripts an operation to fail with <paramref name="error"/> (e.g. a Cognito error the client surfaces).</summary>
    public ScriptedCognito Throws(string operation, Exception error) =>
        On<object?>(operation, (_, _) => Task.FromException(error));

    /// <summary>Scripts DescribeUserPool (it takes no request).</summary>
    public ScriptedCognito OnDescribeUserPool(Func<CancellationToken, Task<DescribeUserPoolResponse>> answer) =>
        On<object?, DescribeUserPoolResponse>("DescribeUserPool", (_, token) => answer(token));

    /// <summary>Scripts DescribeUserPoolClient (it takes no request).</summary>
    public ScriptedCognito OnDescribeUserPoolClient(Func<CancellationToken, Task<DescribeUserPoolClientResponse>> answer) =>
        On<object?, DescribeUserPoolClientResponse>("DescribeUserPoolClient", (_, token) => answer(token));

    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken cancellationToken = default) => Call<AdminCreateUserResponse>("AdminCreateUser", request, cancellationToken);

    public Task AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken cancellationToken = default) => Call<object>("AdminSetUserPassword", request, cancellationToken);

    public Task<AuthFlowResponse> AdminInitiateAuthAsync(AdminInitiateAuthRequest request, CancellationToken cancellationToken = default) => Call<AuthFlowResponse>("AdminInitiateAuth", request, cancellationToken);

    public Task<AuthFlowResponse> AdminRespondToAuthChallengeAsync(RespondToAuthChallengeRequest request, CancellationToken cancellationToken = default) => Call<AuthFlowResponse>("AdminRespondToAuthChallenge", request, cancellationToken);

    public Task<AuthFlowResponse> InitiateAuthAsync(InitiateAuthRequest request, CancellationToken cancellationToken = default) => Call<AuthFlowResponse>("InitiateAuth", request, cancellationToken);

    public Task<AuthFlowResponse> RespondToAuthChallengeAsync(RespondToAuthChallengeRequest request, CancellationToken cancellationToken = default) => Call<AuthFlowResponse>("RespondToAuthChallenge", request, cancellationToken);

    public Task AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken cancellationToken = default) => Call<object>("AdminDeleteUser", request, cancellationToken);

    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken cancellationToken = default) => Call<AdminGetUserResponse>("AdminGetUser", request, cancellationToken);

    public Task AdminUserGlobalSignOutAsync(AdminUserGlobalSignOutRequest request, CancellationToken cancellationToken = default) => Call<object>("AdminUserGlobalSignOut", request, cancellationToken);

    public Task RevokeTokenAsync(RevokeTokenRequest request, CancellationToken cancellationToken = default) => Call<object>("RevokeToken", request, cancellationToken);

    public Task<ForgotPasswordResponse> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) => Call<ForgotPasswordResponse>("ForgotPassword", request, cancellationToken);

    public Task ConfirmForgotPasswordAsync(ConfirmForgotPasswordRequest request, CancellationToken cancellationToken = default) => Call<object>("ConfirmForgotPassword", request, cancellationToken);

    public Task ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default) => Call<object>("ChangePassword", request, cancellationToken);

    public Task<AssociateSoftwareTokenResponse> AssociateSoftwareTokenAsync(AssociateSoftwareTokenRequest request, CancellationToken cancellationToken = default) => Call<AssociateSoftwareTokenResponse>("AssociateSoftwareToken", request, cancellationToken);

    public Task<VerifySoftwareTokenResponse> VerifySoftwareTokenAsync(VerifySoftwareTokenRequest request, CancellationToken cancellationToken = default) => Call<VerifySoftwareTokenResponse>("VerifySoftwareToken", request, cancellationToken);

    public Task SetUserMFAPreferenceAsync(SetUserMfaPreferenceRequest request, CancellationToken cancellationToken = default) => Call<object>("SetUserMFAPreference", request, cancellationToken);

    public Task DeleteUserAsync(DeleteUserRequest request, CancellationToken cancellationToken = default) => Call<object>("DeleteUser", request, cancellationToken);

    public Task<GetUserAttributeVerificationCodeResponse> GetUserAttributeVerificationCodeAsync(GetUserAttributeVerificationCodeRequest request, CancellationToken cancellationToken = default) => Call<GetUserAttributeVerificationCodeResponse>("GetUserAttributeVerificationCode", request, cancellationToken);

    public Task VerifyUserAttributeAsync(VerifyUserAttributeRequest request, CancellationToken cancellationToken = default) => Call<object>("VerifyUserAttribute", request, cancellationToken);

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken cancellationToken = default) => Call<ListUsersResponse>("ListUsers", request, cancellationToken);

    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(CancellationToken cancellationToken = default) => Call<DescribeUserPoolResponse>("DescribeUserPool", null, cancellationToken);

    public Task<DescribeUserPoolClientResponse> DescribeUserPoolClientAsync(CancellationToken cancellationToken = default) => Call<DescribeUserPoolClientResponse>("DescribeUserPoolClient", null, cancellationToken);

    private async Task<T> Call<T>(string operation, object? request, CancellationToken cancellationToken)
    {
        _calls.Enqueue((operation, request, cancellationToken));
        if (!_handlers.TryGetValue(operation, out var handler))
        {
            throw new NotSupportedException($"The test did not script {operation}.");
        }

        return (T)(await handler(request, cancellationToken))!;
    }
}
