using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>
/// Answers that must not tell a known email from an unknown one by their timing leave no earlier than
/// <see cref="AccountOptions.UniformResponseTime"/> after the operation started, on a fake clock: every password-reset
/// request, failed logins and failed reset confirmations. Successes that reveal nothing new are not held back.
/// </summary>
public sealed class UniformTimingTests : IDisposable
{
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(800);

    private readonly FakeTimeProvider _time = new();
    private readonly AccountsHarness _harness;
    private readonly ScriptedCognito _cognito;
    private readonly AccountService _accounts;

    public UniformTimingTests()
    {
        _harness = new AccountsHarness(_time, Floor);
        _cognito = _harness.Cognito;
        _accounts = _harness.Accounts;
    }

    public static TheoryData<string> ConcealedOutcomes() => new()
    {
        "forgot, known email", "forgot, unknown email", "forgot, unproven email", "login, wrong password", "login, unknown email", "confirm, wrong code",
    };

    [Theory]
    [MemberData(nameof(ConcealedOutcomes))]
    public async Task An_answer_that_could_reveal_an_account_waits_for_the_floor(string outcome)
    {
        var answer = Run(outcome);

        _time.Advance(Floor - TimeSpan.FromMilliseconds(1));
        await Task.Yield();
        Assert.False(answer.IsCompleted, $"{outcome}: answered before the floor");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await answer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_time_Cognito_took_counts_towards_the_floor()
    {
        var cognitoAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HoldsVerifiedEmail(true);
        _cognito.On<ForgotPasswordRequest>("ForgotPassword", (_, _) => cognitoAnswer.Task);
        var answer = _accounts.ForgotPasswordAsync("someone@example.com", Caller.Unknown, CancellationToken.None);

        _time.Advance(Floor - TimeSpan.FromMilliseconds(100));
        cognitoAnswer.SetResult();
        // Give the service's continuation a bounded chance to run: an answer that did not wait for the floor would be
        // complete by then. (It only delays a passing run.)
        await Task.WhenAny(answer, Task.Delay(TimeSpan.FromMilliseconds(100)));
        Assert.False(answer.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await answer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_successful_login_is_not_held_back()
    {
        _cognito.On<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", (_, _) => Task.FromResult(new AuthFlowResponse
        {
            AuthenticationResult = new AuthenticationResultType { IdToken = AccessToken(), AccessToken = AccessToken(), RefreshToken = "refresh", ExpiresIn = 3600 },
        }));

        // Nothing advances the fake clock: a held-back answer would never come.
        var result = await _accounts.LogInAsync("someone@example.com", "Correct-Horse-9", Caller.Unknown, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(result.Failure);
    }

    [Fact]
    public async Task A_login_that_meets_a_challenge_is_not_held_back()
    {
        // Cognito sets a challenge only once the password was right: an answer like tokens, with nothing to conceal.
        _cognito.On<AdminInitiateAuthRequest, AuthFlowResponse>("AdminInitiateAuth", (_, _) => Task.FromResult(new AuthFlowResponse
        {
            ChallengeName = "SOFTWARE_TOKEN_MFA",
            Session = "cognito-session",
        }));

        var result = await _accounts.LogInAsync("someone@example.com", "Correct-Horse-9", Caller.Unknown, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsType<AccountFailure.ChallengeRequired>(result.Failure);
    }

    private Task Run(string outcome)
    {
        switch (outcome)
        {
            case "forgot, known email":
                HoldsVerifiedEmail(true);
                _cognito.On<ForgotPasswordRequest, ForgotPasswordResponse>("ForgotPassword", (_, _) => Task.FromResult(new ForgotPasswordResponse()));
                return _accounts.ForgotPasswordAsync("someone@example.com", Caller.Unknown, CancellationToken.None);
            case "forgot, unknown email":
                _cognito.On<AdminGetUserRequest>("AdminGetUser", (_, _) => throw Refusal("AdminGetUser", "UserNotFoundException"));
                return _accounts.ForgotPasswordAsync("nobody@example.com", Caller.Unknown, CancellationToken.None);
            case "forgot, unproven email":
                HoldsVerifiedEmail(false);
                return _accounts.ForgotPasswordAsync("someone@example.com", Caller.Unknown, CancellationToken.None);
            case "login, wrong password":
                _cognito.On<AdminInitiateAuthRequest>("AdminInitiateAuth", (_, _) => throw Refusal("AdminInitiateAuth", "NotAuthorizedException"));
                return _accounts.LogInAsync("someone@example.com", "Wrong-Horse-9", Caller.Unknown, CancellationToken.None);
            case "login, unknown email":
                _cognito.On<AdminInitiateAuthRequest>("AdminInitiateAuth", (_, _) => throw Refusal("AdminInitiateAuth", "UserNotFoundException"));
                return _accounts.LogInAsync("nobody@example.com", "Wrong-Horse-9", Caller.Unknown, CancellationToken.None);
            default:
                _cognito.On<ConfirmForgotPasswordRequest>("ConfirmForgotPassword", (_, _) => throw Refusal("ConfirmForgotPassword", "CodeMismatchException"));
                return _accounts.ConfirmForgotPasswordAsync("someone@example.com", "000000", "Brand-New-Passw0rd", Caller.Unknown, CancellationToken.None);
        }
    }

    private void HoldsVerifiedEmail(bool verified) =>
        _cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => new AdminGetUserResponse
        {
            UserAttributes = verified ? [AttributeType.Of("email_verified", "true")] : [],
        });

    private static CognitoServiceException Refusal(string operation, string errorCode) =>
        new(operation, new CallAttempts(1, false), HttpStatusCode.BadRequest, errorCode, "refused", null);

    // An unsigned access token with the claims the login answer reads (the app reads, never validates, Cognito's tokens).
    private static string AccessToken()
    {
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("""{"alg":"RS256"}""")}.{Part("""{"username":"someone","iat":1700000000,"exp":1700003600}""")}.c2ln";
    }

    public void Dispose() => _harness.Dispose();
}
