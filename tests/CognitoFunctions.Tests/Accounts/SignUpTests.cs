using System.Diagnostics.Metrics;
using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Accounts.Audit;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>
/// Sign-up's steps where a fault in one exact call decides what is left behind: whatever fails or
/// gives up after AdminCreateUser may have reached Cognito, the user of this sign-up (the one with its nonce) is
/// either complete or deleted, and the caller gets a failure, never an exception it cannot map.
/// The end-to-end tests through the fault proxy cover AdminCreateUser and AdminSetUserPassword faults; these cover
/// the steps a proxy cannot single out.
/// </summary>
public sealed class SignUpTests : IDisposable
{
    private const string Email = "new.user@example.com";
    private const string Sub = "7d1c0e52-0000-4000-8000-000000000001";

    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private readonly ScriptedCognito _cognito = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly AccountMetrics _metrics;
    private string? _nonce;

    public SignUpTests()
    {
        _metrics = new AccountMetrics(_services.GetRequiredService<IMeterFactory>());
        _cognito.On<AdminDeleteUserRequest>("AdminDeleteUser", (_, _) => Task.CompletedTask);
    }

    [Fact]
    public async Task A_retried_create_that_meets_its_own_user_completes_it()
    {
        CreateAnswers(_ => throw UsernameExists(earlierAttemptMayHaveSucceeded: true));
        _cognito.On<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", (_, _) => Task.FromResult(UserWithNonce(_nonce!)));
        _cognito.On<AdminSetUserPasswordRequest>("AdminSetUserPassword", (_, _) => Task.CompletedTask);

        var result = await SignUpAsync(CancellationToken.None);

        Assert.Null(result.Failure);
        Assert.Equal(Sub, result.Value);
        Assert.Equal(0, _cognito.CountOf("AdminDeleteUser"));
    }

    [Fact]
    public async Task A_first_create_that_meets_a_verified_account_is_email_taken_and_deletes_nothing()
    {
        CreateAnswers(_ => throw UsernameExists(earlierAttemptMayHaveSucceeded: false));
        _cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => Holder("their-nonce", verified: true, age: TimeSpan.FromDays(30)));

        var result = await SignUpAsync(CancellationToken.None);

        Assert.IsType<AccountFailure.EmailTaken>(result.Failure);
        Assert.Equal(["AdminCreateUser", "AdminGetUser"], _cognito.Calls.Select(c => c.Operation));
    }

    [Theory]
    [InlineData(24 * 60, true)]
    [InlineData(24 * 60 - 1, false)]
    [InlineData(1, false)]
    public async Task An_account_whose_email_was_never_proven_is_replaced_once_the_hold_is_over(int ageMinutes, bool replaced)
    {
        var creates = 0;
        CreateAnswers(_ => ++creates == 1 ? throw UsernameExists(earlierAttemptMayHaveSucceeded: false) : Created());
        _cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => Holder("their-nonce", verified: false, age: TimeSpan.FromMinutes(ageMinutes)));
        _cognito.On<AdminSetUserPasswordRequest>("AdminSetUserPassword", (_, _) => Task.CompletedTask);

        var result = await SignUpAsync(CancellationToken.None);

        if (replaced)
        {
            Assert.Null(result.Failure);
            Assert.Equal(Sub, result.Value);
            Assert.Equal(
                ["AdminCreateUser", "AdminGetUser", "AdminGetUser", "AdminDeleteUser", "AdminCreateUser", "AdminSetUserPassword"],
                _cognito.Calls.Select(c => c.Operation));
            Assert.Equal(Email, ((AdminDeleteUserRequest)_cognito.Calls.Single(c => c.Operation == "AdminDeleteUser").Request!).Username);
        }
        else
        {
            Assert.IsType<AccountFailure.EmailTaken>(result.Failure);
            Assert.Equal(0, _cognito.CountOf("AdminDeleteUser"));
        }
    }

    [Fact]
    public async Task The_hold_is_a_setting()
    {
        var creates = 0;
        CreateAnswers(_ => ++creates == 1 ? throw UsernameExists(earlierAttemptMayHaveSucceeded: false) : Created());
        _cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => Holder("their-nonce", verified: false, age: TimeSpan.Zero));
        _cognito.On<AdminSetUserPasswordRequest>("AdminSetUserPassword", (_, _) => Task.CompletedTask);

        var result = await SignUpAsync(CancellationToken.None, new AccountOptions { UnprovenEmailHoldsFor = TimeSpan.Zero });

        Assert.Null(result.Failure);
        Assert.Equal(1, _cognito.CountOf("AdminDeleteUser"));
    }

    [Theory]
    [InlineData("an administrator's user (no sign-up nonce)")]
    [InlineData("a verified email")]
    [InlineData("no creation date")]
    public async Task An_old_account_is_kept_unless_this_apps_sign_up_made_it_and_nobody_proved_its_email(string holder)
    {
        CreateAnswers(_ => throw UsernameExists(earlierAttemptMayHaveSucceeded: false));
        _cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => holder switch
        {
            "a verified email" => Holder("their-nonce", verified: true, age: TimeSpan.FromDays(30)),
            "no creation date" => Holder("their-nonce", verified: false, age: TimeSpan.FromDays(30)) with { UserCreateDate = default },
            _ => Holder(nonce: null, verified: false, age: TimeSpan.FromDays(30)),
        });

        var result = await SignUpAsync(CancellationToken.None);

        Assert.IsType<AccountFailure.EmailTaken>(result.Failure);
        Assert.Equal(0, _cognito.CountOf("AdminDeleteUser"));
    }

    [Fact]
    public async Task A_holder_that_changed_since_it_was_judged_stale_is_not_deleted()
    {
        CreateAnswers(_ => throw UsernameExists(earlierAttemptMayHaveSucceeded: false));
        var reads = 0;
        _cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => ++reads == 1
            ? Holder("stale-nonce", verified: false, age: TimeSpan.FromDays(2))
            : Holder("a-newer-sign-up's-nonce", verified: false, age: TimeSpan.Zero));

        var result = await SignUpAsync(CancellationToken.None);

        Assert.IsType<AccountFailure.EmailTaken>(result.Failure);
        Assert.Equal(0, _cognito.CountOf("AdminDeleteUser"));
    }

    [Fact]
    public async Task A_sign_up_that_gets_in_after_the_replacement_deleted_takes_the_address_and_nothing_more_is_deleted()
    {
        CreateAnswers(_ => throw UsernameExists(earlierAttemptMayHaveSucceeded: false));
        var reads = 0;
        _cognito.Answer<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", _ => ++reads <= 2
            ? Holder("stale-nonce", verified: false, age: TimeSpan.FromDays(2))
            : Holder("the-winner's-nonce", verified: false, age: TimeSpan.Zero));

        var result = await SignUpAsync(CancellationToken.None);

        Assert.IsType<AccountFailure.EmailTaken>(result.Failure);
        Assert.Equal(1, _cognito.CountOf("AdminDeleteUser"));
        Assert.Equal(2, _cognito.CountOf("AdminCreateUser"));
        Assert.Equal(0, _cognito.CountOf("AdminSetUserPassword"));
    }

    [Fact]
    public async Task A_throttled_ownership_check_is_a_throttled_failure_and_the_user_of_this_sign_up_is_rolled_back()
    {
        CreateAnswers(_ => throw UsernameExists(earlierAttemptMayHaveSucceeded: true));
        var reads = 0;
        _cognito.On<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", (_, _) => ++reads == 1
            ? throw new CognitoThrottledException("AdminGetUser", new CallAttempts(3, false), HttpStatusCode.BadRequest, "TooManyRequestsException", null, null, TimeSpan.FromSeconds(2))
            : Task.FromResult(UserWithNonce(_nonce!)));

        var result = await SignUpAsync(CancellationToken.None);

        var throttled = Assert.IsType<AccountFailure.Throttled>(result.Failure);
        Assert.Equal(TimeSpan.FromSeconds(2), throttled.RetryAfter);
        Assert.Equal(1, _cognito.CountOf("AdminDeleteUser"));
        Assert.Equal(0, _cognito.CountOf("AdminSetUserPassword"));
    }

    [Fact]
    public async Task A_client_gone_after_the_user_exists_does_not_stop_the_password_from_being_set()
    {
        using var client = new CancellationTokenSource();
        CreateAnswers(_ =>
        {
            client.Cancel(); // the client hangs up while AdminCreateUser is answered
            return Created();
        });
        _cognito.On<AdminSetUserPasswordRequest>("AdminSetUserPassword", (_, token) =>
        {
            token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        });

        var result = await SignUpAsync(client.Token);

        Assert.Null(result.Failure);
        Assert.Equal(Sub, result.Value);
        Assert.False(_cognito.Calls.Single(c => c.Operation == "AdminSetUserPassword").Token.CanBeCanceled);
        Assert.Equal(0, _cognito.CountOf("AdminDeleteUser"));
    }

    [Fact]
    public async Task A_client_gone_while_the_create_is_in_flight_rolls_back_what_may_have_been_created()
    {
        using var client = new CancellationTokenSource();
        CreateAnswers(_ =>
        {
            client.Cancel();
            throw new OperationCanceledException(client.Token);
        });
        _cognito.On<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", (_, token) =>
            token.CanBeCanceled ? throw new InvalidOperationException("the rollback must not depend on the client") : Task.FromResult(UserWithNonce(_nonce!)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SignUpAsync(client.Token));

        Assert.Equal(1, _cognito.CountOf("AdminDeleteUser"));
    }

    [Fact]
    public async Task A_rollback_deletes_only_the_user_carrying_this_sign_ups_nonce()
    {
        CreateAnswers(_ => throw new CognitoTimeoutException("AdminCreateUser", new CallAttempts(3, true), null));
        _cognito.On<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", (_, _) => Task.FromResult(UserWithNonce("another-sign-up's-nonce")));

        var result = await SignUpAsync(CancellationToken.None);

        Assert.IsType<AccountFailure.Unavailable>(result.Failure);
        Assert.Equal(1, _cognito.CountOf("AdminGetUser"));
        Assert.Equal(0, _cognito.CountOf("AdminDeleteUser"));
    }

    [Theory]
    [InlineData(true, "Unavailable")]
    [InlineData(false, "OutcomeUnknown")]
    public async Task A_lost_answer_to_the_password_step_is_known_again_once_the_rollback_removed_the_user(bool rollbackWorks, string expected)
    {
        // AdminSetUserPassword is not safe to repeat: the client gives up with an unknown outcome. Once the rollback has
        // deleted the user, nothing of the sign-up remains (503, retry); if it cannot, the account may exist.
        CreateAnswers(_ => Created());
        _cognito.On<AdminSetUserPasswordRequest>("AdminSetUserPassword", (_, _) => throw new CognitoOutcomeUnknownException(
            "AdminSetUserPassword", new CallAttempts(1, false), "timeout", null, new CognitoTimeoutException("AdminSetUserPassword", new CallAttempts(1, false), null)));
        _cognito.On<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", (_, _) => rollbackWorks
            ? Task.FromResult(UserWithNonce(_nonce!))
            : throw new CognitoTimeoutException("AdminGetUser", new CallAttempts(4, true), null));

        var result = await SignUpAsync(CancellationToken.None);

        Assert.Equal(expected, result.Failure?.GetType().Name);
        Assert.Equal(rollbackWorks ? 1 : 0, _cognito.CountOf("AdminDeleteUser"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_email_is_marked_verified_only_under_the_setting_that_says_so(bool markWithoutProof)
    {
        AdminCreateUserRequest? sent = null;
        CreateAnswers(request =>
        {
            sent = request;
            return Created();
        });
        _cognito.On<AdminSetUserPasswordRequest>("AdminSetUserPassword", (_, _) => Task.CompletedTask);

        var result = await SignUpAsync(CancellationToken.None, new AccountOptions { MarkEmailVerifiedWithoutProof = markWithoutProof });

        Assert.Null(result.Failure);
        Assert.Equal(Email, sent!.UserAttributes.ValueOf("email"));
        Assert.Equal(markWithoutProof ? "true" : null, sent.UserAttributes.ValueOf("email_verified"));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
    }

    private Task<AccountResult<string>> SignUpAsync(CancellationToken cancellationToken, AccountOptions? options = null)
    {
        var settings = Options.Create(options ?? new AccountOptions());
        var audit = new AuditLog(NullLoggerFactory.Instance, Options.Create(new AuditOptions()));
        var flow = new AccountFlow(_metrics, audit, settings, _time, NullLogger<AccountFlow>.Instance);
        var saga = new SignUpSaga(_cognito, new UserLookup(_cognito), flow, _metrics, audit, settings, _time, NullLogger<SignUpSaga>.Instance);
        return saga.SignUpAsync(Email, "Correct-Horse-9", Caller.Unknown, cancellationToken);
    }

    /// <summary>Scripts AdminCreateUser, remembering the nonce the sign-up sent.</summary>
    private void CreateAnswers(Func<AdminCreateUserRequest, Task<AdminCreateUserResponse>> answer) =>
        _cognito.On<AdminCreateUserRequest, AdminCreateUserResponse>("AdminCreateUser", (request, _) =>
        {
            _nonce = request.UserAttributes.ValueOf(SignUpSaga.NonceAttribute);
            return answer(request);
        });

    private static Task<AdminCreateUserResponse> Created() =>
        Task.FromResult(new AdminCreateUserResponse { User = new UserType { Username = Sub, Attributes = [new AttributeType { Name = "sub", Value = Sub }] } });

    private static CognitoServiceException UsernameExists(bool earlierAttemptMayHaveSucceeded) =>
        new("AdminCreateUser", new CallAttempts(earlierAttemptMayHaveSucceeded ? 2 : 1, earlierAttemptMayHaveSucceeded), HttpStatusCode.BadRequest, "UsernameExistsException", "User account already exists", null);

    /// <summary>Another account holding the email: its sign-up nonce (null: an administrator made it), proof and age.</summary>
    private static AdminGetUserResponse Holder(string? nonce, bool verified, TimeSpan age) => new()
    {
        UserAttributes =
        [
            AttributeType.Of("sub", "their-sub"),
            AttributeType.Of("email", Email),
            .. verified ? [AttributeType.Of("email_verified", "true")] : Array.Empty<AttributeType>(),
            .. nonce is null ? Array.Empty<AttributeType>() : [AttributeType.Of(SignUpSaga.NonceAttribute, nonce)],
        ],
        UserCreateDate = Now - age,
    };

    private static AdminGetUserResponse UserWithNonce(string nonce) => new()
    {
        UserAttributes = [new AttributeType { Name = "sub", Value = Sub }, new AttributeType { Name = SignUpSaga.NonceAttribute, Value = nonce }],
    };
}
