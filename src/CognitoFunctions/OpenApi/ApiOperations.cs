using System.Net;
using CognitoFunctions.Accounts;
using CognitoFunctions.Functions;
using CognitoFunctions.Http;
using Microsoft.OpenApi;

namespace CognitoFunctions.OpenApi;

/// <summary>
/// The one description of the HTTP API from which <c>GET /api/openapi.json</c> is built: one entry per function,
/// keyed by the function's name. Routes, methods and token requirements are not repeated here: they are read from the
/// functions' attributes.
/// </summary>
internal static class ApiOperations
{
    private const string Accounts = "Accounts";
    private const string Passwords = "Passwords";
    private const string Identity = "Identity";
    private const string Admin = "Admin";
    private const string Operations = "Operations";

    public static IReadOnlyDictionary<string, string> Tags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Accounts] = "Signing up, logging in and out, refreshing tokens.",
        [Passwords] = "Resetting a forgotten password and changing one's own.",
        [Identity] = "Who the caller's token says they are.",
        [Admin] = "For members of the admin group.",
        [Operations] = "Readiness and this document.",
    };

    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        new("SignUp", Accounts, "Create an account")
        {
            Description = "Creates a confirmed user whose email is marked verified without proof (see the README). Safe to retry.",
            Body = new(AppJsonContext.Default.SignUpRequest, [Email(validated: true), NewPassword("password")]),
            Responses = [new(HttpStatusCode.Created, "The account exists; `userSub` is its Cognito `sub`.", AppJsonContext.Default.SignUpResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.EmailTaken, ProblemKind.OutcomeUnknown],
        },
        new("LogIn", Accounts, "Log in with email and password")
        {
            Description = "One identical 401 for a wrong password and an unknown email. `token` is the ID token, as the original API returned.",
            Body = new(AppJsonContext.Default.LogInRequest, [Email(validated: false), new("password", Required: true, MinLength: 1, MaxLength: PasswordPolicy.MaxLength)]),
            Responses = [new(HttpStatusCode.OK, "Tokens (`Cache-Control: no-store`).", AppJsonContext.Default.TokenResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidCredentials, ProblemKind.ChallengeRequired],
        },
        new("Refresh", Accounts, "New ID and access tokens for a refresh token")
        {
            Description = "Cognito issues no new refresh token: `refreshToken` is absent from the answer.",
            Body = new(AppJsonContext.Default.RefreshRequest,
            [
                new("refreshToken", Required: true, MinLength: 1, MaxLength: RefreshFunction.MaxTokenLength),
                new("username", Required: false, MaxLength: RefreshFunction.MaxUsernameLength,
                    Description: "The login answer's `username`; required only when the app client has a secret."),
            ]),
            Responses = [new(HttpStatusCode.OK, "Tokens without `refreshToken` (`Cache-Control: no-store`).", AppJsonContext.Default.TokenResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidRefreshToken, ProblemKind.ChallengeRequired],
        },
        new("LogOut", Accounts, "Log out")
        {
            Description = "Revokes the refresh token if one is sent and, where Cognito supports it, signs the user out of every device. "
                + "Access tokens already issued stay valid until they expire.",
            Body = new(AppJsonContext.Default.LogOutRequest, [new("refreshToken", Required: false, MaxLength: RefreshFunction.MaxTokenLength)]) { Optional = true },
            Responses = [new(HttpStatusCode.NoContent, "Logged out.")],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidRefreshToken, ProblemKind.OutcomeUnknown],
        },
        new("ForgotPassword", Passwords, "Start a password reset")
        {
            Description = "Cognito emails a code. The answer is the same whether or not the email has an account.",
            Body = new(AppJsonContext.Default.ForgotPasswordRequest, [Email(validated: true)]),
            Responses = [new(HttpStatusCode.Accepted, "Accepted; a code is on its way if the account exists.")],
            CallsCognito = true,
            Problems = [ProblemKind.OutcomeUnknown],
        },
        new("ConfirmForgotPassword", Passwords, "Set a new password with the emailed code")
        {
            Body = new(AppJsonContext.Default.ConfirmForgotPasswordRequest,
            [
                Email(validated: true),
                new("code", Required: true, MinLength: 1, MaxLength: PasswordFunctions.MaxCodeLength),
                NewPassword("newPassword"),
            ]),
            Responses = [new(HttpStatusCode.NoContent, "The password is changed.")],
            CallsCognito = true,
            Problems = [ProblemKind.InvalidCode, ProblemKind.OutcomeUnknown],
        },
        new("ChangePassword", Passwords, "Change the signed-in user's password")
        {
            Body = new(AppJsonContext.Default.ChangePasswordRequest,
            [
                new("currentPassword", Required: true, MinLength: 1, MaxLength: PasswordPolicy.MaxLength),
                NewPassword("newPassword"),
            ]),
            Responses = [new(HttpStatusCode.NoContent, "The password is changed.")],
            CallsCognito = true,
            Problems = [ProblemKind.IncorrectPassword, ProblemKind.OutcomeUnknown],
        },
        new("Private", Identity, "The original tutorial's protected route")
        {
            Responses = [new(HttpStatusCode.OK, "Who the token says the caller is, with a greeting.", AppJsonContext.Default.IdentityResponse)],
        },
        new("Me", Identity, "Who the caller is")
        {
            Responses = [new(HttpStatusCode.OK, "Who the token says the caller is.", AppJsonContext.Default.IdentityResponse)],
        },
        new("AdminListUsers", Admin, "One page of the pool's users")
        {
            Query =
            [
                new("limit", $"Users per page, 1 to {AdminUsersFunction.MaxLimit}.",
                    new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = $"{AdminUsersFunction.MaxLimit}", Default = AdminUsersFunction.DefaultLimit }),
                new("paginationToken", "The previous page's `paginationToken`, for the next page.",
                    new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = AdminUsersFunction.MaxPaginationTokenLength }),
            ],
            Responses = [new(HttpStatusCode.OK, "A page of users; `paginationToken` is absent on the last page.", AppJsonContext.Default.UserListResponse)],
            CallsCognito = true,
            Problems = [ProblemKind.Validation],
        },
        new("Health", Operations, "Readiness")
        {
            Description = "Whether the signing keys of every trusted pool are cached and Cognito answers for the configured pool and app client "
                + "(`error` names what is wrong, e.g. `app_client_not_found`). Cognito's verdict is reused for a few "
                + "seconds. `degraded` still answers 200; `unhealthy` answers 503. `Cache-Control: no-store`.",
            Responses =
            [
                new(HttpStatusCode.OK, "Ready: `healthy`, or `degraded` but serving.", AppJsonContext.Default.HealthReport),
                new(HttpStatusCode.ServiceUnavailable, "Not ready: `unhealthy`.", AppJsonContext.Default.HealthReport),
            ],
        },
        new("OpenApi", Operations, "This document")
        {
            Responses = [new(HttpStatusCode.OK, "The OpenAPI 3.1 description of this API.") { AnyJsonObject = true }],
        },
    ];

    private static ApiField Email(bool validated) => validated
        ? new("email", Required: true, MinLength: 3, MaxLength: EmailAddress.MaxLength, Format: "email")
        : new("email", Required: true, MinLength: 1, MaxLength: EmailAddress.MaxLength);

    private static ApiField NewPassword(string name) => new(
        name,
        Required: true,
        MinLength: PasswordPolicy.Default.MinimumLength,
        MaxLength: PasswordPolicy.MaxLength,
        Description: "Must meet the pool's password policy: by default at least 8 characters with a lowercase and an uppercase letter, a "
            + "digit and a symbol, no leading or trailing space. Every unmet rule is reported in `errors`.");
}
