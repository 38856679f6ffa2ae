using System.Text.Json;
using CognitoFunctions.Cognito;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CognitoFunctions.Accounts;

/// <summary>
/// A login's steps, as one state machine over Cognito's challenges: start with the password, then answer each
/// challenge Cognito sets (a new password for a user an administrator created, an MFA code, the choice of a factor,
/// setting up an authenticator app) until it issues tokens. Each challenge goes back to the client with an opaque
/// <see cref="LogInSession"/>; the client's answer comes back with it. Both Cognito flows run through here: the admin
/// flow (AdminInitiateAuth, AdminRespondToAuthChallenge: IAM-signed, with the end user's context for threat protection)
/// by default, and the public flow (InitiateAuth, RespondToAuthChallenge) when <see cref="AccountOptions.PasswordAuthFlow"/>
/// says so. A challenge is only ever set once the password was right, so it tells nothing about other accounts.
/// </summary>
internal sealed class LogInSteps(ICognitoIdentityProvider cognito, TotpFactor totp, IOptions<AccountOptions> options, ILogger<LogInSteps> logger)
{
    public const string NewPasswordRequired = "NEW_PASSWORD_REQUIRED";
    public const string SoftwareTokenMfa = "SOFTWARE_TOKEN_MFA";
    public const string SmsMfa = "SMS_MFA";
    public const string EmailOtp = "EMAIL_OTP";
    public const string SelectMfaType = "SELECT_MFA_TYPE";
    public const string MfaSetup = "MFA_SETUP";
    public const string PasswordResetRequired = "PASSWORD_RESET_REQUIRED";

    /// <summary>The challenges this API completes.</summary>
    public static IReadOnlyList<string> Completed { get; } = [NewPasswordRequired, SoftwareTokenMfa, SmsMfa, EmailOtp, SelectMfaType, MfaSetup];

    /// <summary>The factors a client may choose when Cognito asks (SELECT_MFA_TYPE).</summary>
    public static IReadOnlyList<string> Factors { get; } = [SoftwareTokenMfa, EmailOtp, SmsMfa];

    /// <summary>The challenge responses' key for the code of each challenge answered with one (MFA_SETUP's code goes to VerifySoftwareToken).</summary>
    private static readonly Dictionary<string, string> CodeKeys = new(StringComparer.Ordinal)
    {
        [SoftwareTokenMfa] = "SOFTWARE_TOKEN_MFA_CODE",
        [SmsMfa] = "SMS_MFA_CODE",
        [EmailOtp] = "EMAIL_OTP_CODE",
    };

    private bool PublicFlow => options.Value.PasswordAuthFlow == PasswordAuthFlow.UserPasswordAuth;

    /// <summary>The answers to Cognito errors that both steps share.</summary>
    public static AccountFailure? KnownError(CognitoServiceException ex) => ex.Code switch
    {
        CognitoErrorCode.PasswordResetRequired => new AccountFailure.ChallengeUnsupported(PasswordResetRequired),
        _ => null,
    };

    /// <summary>Starts the login of <paramref name="username"/>: tokens, or the first challenge.</summary>
    public async Task<AccountResult<TokenSet>> StartAsync(string username, string password, ContextDataType? context, CancellationToken cancellationToken)
    {
        var response = PublicFlow
            ? await cognito.InitiateAuthAsync(InitiateAuthRequest.ForPassword(username, password, UserContext(context)), cancellationToken)
            : await cognito.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword(username, password, context), cancellationToken);
        return await NextAsync(AccountOperation.LogIn, response, username, cancellationToken);
    }

    /// <summary>Answers the challenge <paramref name="session"/> carries: tokens, the next challenge, or why not.</summary>
    public async Task<AccountResult<TokenSet>> AnswerAsync(string session, ChallengeAnswer answer, ContextDataType? context, CancellationToken cancellationToken)
    {
        if (LogInSession.Decode(session) is not { } step || !Completed.Contains(step.ChallengeName, StringComparer.Ordinal))
        {
            return new AccountFailure.LogInSessionExpired();
        }

        if (Missing(step.ChallengeName, answer) is { } missing)
        {
            return missing;
        }

        var cognitoSession = step.CognitoSession;
        Dictionary<string, string> responses = new(StringComparer.Ordinal) { ["USERNAME"] = step.Username };
        switch (step.ChallengeName)
        {
            case MfaSetup:
                // The authenticator app's first code proves the secret was stored; Cognito then answers with the session
                // that completes MFA_SETUP.
                var verified = await cognito.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { Session = cognitoSession, UserCode = answer.Code! }, cancellationToken);
                if (verified.Status != "SUCCESS")
                {
                    return new AccountFailure.InvalidCode();
                }

                cognitoSession = verified.Session ?? cognitoSession;
                break;
            case NewPasswordRequired:
                responses["NEW_PASSWORD"] = answer.NewPassword!;
                break;
            case SelectMfaType:
                responses["ANSWER"] = answer.Factor!;
                break;
            default:
                responses[CodeKeys[step.ChallengeName]] = answer.Code!;
                break;
        }

        var request = new RespondToAuthChallengeRequest
        {
            ChallengeName = step.ChallengeName,
            Session = cognitoSession,
            ChallengeResponses = responses,
            ContextData = context,
            UserContextData = UserContext(context),
        };
        var response = PublicFlow
            ? await cognito.RespondToAuthChallengeAsync(request, cancellationToken)
            : await cognito.AdminRespondToAuthChallengeAsync(request, cancellationToken);
        return await NextAsync(AccountOperation.AnswerChallenge, response, step.Username, cancellationToken);
    }

    /// <summary>The field the challenge needs that the answer lacks (or a factor this API does not know), else null.</summary>
    private static AccountFailure.FieldRejected? Missing(string challenge, ChallengeAnswer answer) => challenge switch
    {
        NewPasswordRequired when string.IsNullOrEmpty(answer.NewPassword) => Required("newPassword", challenge),
        SelectMfaType when string.IsNullOrEmpty(answer.Factor) => Required("factor", challenge),
        SelectMfaType when !Factors.Contains(answer.Factor, StringComparer.Ordinal) =>
            new AccountFailure.FieldRejected("factor", $"Must be one of the factors the challenge offered: {string.Join(", ", Factors)}."),
        _ when (challenge == MfaSetup || CodeKeys.ContainsKey(challenge)) && string.IsNullOrEmpty(answer.Code) => Required("code", challenge),
        _ => null,
    };

    private static AccountFailure.FieldRejected Required(string field, string challenge) => new(field, $"Required to answer the {challenge} challenge.");

    /// <summary>What Cognito answered, for the client: the tokens, or the challenge to answer next.</summary>
    private async Task<AccountResult<TokenSet>> NextAsync(AccountOperation operation, AuthFlowResponse response, string username, CancellationToken cancellationToken)
    {
        if (response.ChallengeName is not { Length: > 0 } name)
        {
            return IssuedTokens.Read(operation, response.AuthenticationResult, logger);
        }

        var parameters = response.ChallengeParameters ?? new Dictionary<string, string>();
        // Answers name the user by the Cognito username (the sub in email pools): SECRET_HASH is computed from it.
        var user = parameters.GetValueOrDefault("USER_ID_FOR_SRP") is { Length: > 0 } id ? id : username;
        if (!Completed.Contains(name, StringComparer.Ordinal) || string.IsNullOrEmpty(response.Session))
        {
            AccountLog.ChallengeUnsupported(logger, name);
            return new AccountFailure.ChallengeUnsupported(name);
        }

        var challenge = name switch
        {
            NewPasswordRequired => Challenge(name, response.Session, user, "newPassword"),
            SoftwareTokenMfa => Challenge(name, response.Session, user, "code"),
            SmsMfa or EmailOtp => Challenge(name, response.Session, user, "code") with { CodeDelivery = Delivery(parameters) },
            SelectMfaType => ChooseFactor(response.Session, user, parameters),
            _ => await SetUpAuthenticatorAsync(response.Session, user, parameters, cancellationToken),
        };
        if (challenge is null)
        {
            AccountLog.ChallengeUnsupported(logger, name);
            return new AccountFailure.ChallengeUnsupported(name);
        }

        if (challenge is { Name: MfaSetup, SecretCode: null or "" })
        {
            AccountLog.UnreadableTokens(logger, operation.Name, "AssociateSoftwareToken answered no secret for MFA_SETUP");
            return new AccountFailure.UpstreamError();
        }

        AccountLog.ChallengeSet(logger, operation.Name, name);
        return new AccountFailure.ChallengeRequired(challenge);
    }

    private static LogInChallenge Challenge(string name, string cognitoSession, string user, string field) =>
        new(name, new LogInSession(name, user, cognitoSession).Encode(), [field]);

    private static CodeDelivery? Delivery(IReadOnlyDictionary<string, string> parameters) =>
        parameters.GetValueOrDefault("CODE_DELIVERY_DELIVERY_MEDIUM") is { Length: > 0 } medium
        && parameters.GetValueOrDefault("CODE_DELIVERY_DESTINATION") is { Length: > 0 } destination
            ? new CodeDelivery(medium, destination)
            : null;

    private static LogInChallenge? ChooseFactor(string cognitoSession, string user, IReadOnlyDictionary<string, string> parameters)
    {
        var offered = Names(parameters, "MFAS_CAN_CHOOSE")?.Where(f => Factors.Contains(f, StringComparer.Ordinal)).ToArray();
        return offered is { Length: > 0 } ? Challenge(SelectMfaType, cognitoSession, user, "factor") with { Factors = offered } : null;
    }

    /// <summary>
    /// MFA_SETUP: the pool requires a factor the user has not set up. This API sets up an authenticator app inside the
    /// login (the other factors need a verified phone number or email, set up outside it): Cognito makes the secret,
    /// which goes to the client with the session to answer with the app's first code.
    /// </summary>
    private async Task<LogInChallenge?> SetUpAuthenticatorAsync(
        string cognitoSession, string user, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        if (Names(parameters, "MFAS_CAN_SETUP") is { } canSetUp && !canSetUp.Contains(SoftwareTokenMfa, StringComparer.Ordinal))
        {
            return null;
        }

        // Read before the secret is made, as at enrolment: a failed lookup leaves no new secret behind.
        var account = await totp.AccountNameAsync(user, cancellationToken);
        var issuer = await totp.IssuerAsync(cancellationToken);
        var association = await cognito.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { Session = cognitoSession }, cancellationToken);
        var secret = association.SecretCode ?? "";
        return Challenge(MfaSetup, association.Session ?? cognitoSession, user, "code") with
        {
            SecretCode = secret,
            OtpAuthUri = secret.Length == 0 ? null : TotpEnrolment.Uri(issuer, account, secret),
        };
    }

    /// <summary>A challenge parameter holding a JSON array of names (<c>["SMS_MFA","SOFTWARE_TOKEN_MFA"]</c>), or null.</summary>
    private static string[]? Names(IReadOnlyDictionary<string, string> parameters, string key)
    {
        if (parameters.GetValueOrDefault(key) is not { Length: > 0 } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static UserContextDataType? UserContext(ContextDataType? context) =>
        context is null ? null : new UserContextDataType { IpAddress = context.IpAddress };
}
