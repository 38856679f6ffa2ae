using CognitoFunctions.Cognito.Model;

namespace CognitoFunctions.Cognito.Tests.Fakes;

/// <summary>One call of each operation of the client: the call, whether it is IAM-authorized (signed), and the exact body it sends.</summary>
internal static class OperationCalls
{
    private const string Pool = TestClients.UserPoolId;
    private const string Client = TestClients.ClientId;

    public static IReadOnlyDictionary<string, (Func<ICognitoIdentityProvider, Task> Call, bool Signed, string Body)> All { get; } = new Dictionary<string, (Func<ICognitoIdentityProvider, Task> Call, bool Signed, string Body)>
    {
        ["AdminCreateUser"] = (c => c.AdminCreateUserAsync(new AdminCreateUserRequest
        {
            Username = "a@example.com",
            MessageAction = MessageActionType.Suppress,
            UserAttributes = [AttributeType.Of("email", "a@example.com"), AttributeType.Of("email_verified", "true"), AttributeType.Of("custom:signup_nonce", "n0nce")],
        }), true, $$"""{"Username":"a@example.com","UserAttributes":[{"Name":"email","Value":"a@example.com"},{"Name":"email_verified","Value":"true"},{"Name":"custom:signup_nonce","Value":"n0nce"}],"MessageAction":"SUPPRESS","UserPoolId":"{{Pool}}"}"""),
        ["AdminSetUserPassword"] = (c => c.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { Username = "a@example.com", Password = "Secret-Pass-1", Permanent = true }),
            true, $$"""{"Username":"a@example.com","Password":"Secret-Pass-1","Permanent":true,"UserPoolId":"{{Pool}}"}"""),
        ["AdminInitiateAuth"] = (c => c.AdminInitiateAuthAsync(AdminInitiateAuthRequest.ForPassword("a@example.com", "Secret-Pass-1")),
            true, $$"""{"AuthFlow":"ADMIN_USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"a@example.com","PASSWORD":"Secret-Pass-1"},"UserPoolId":"{{Pool}}","ClientId":"{{Client}}"}"""),
        ["AdminRespondToAuthChallenge"] = (c => c.AdminRespondToAuthChallengeAsync(new RespondToAuthChallengeRequest
        {
            ChallengeName = "SOFTWARE_TOKEN_MFA",
            Session = "session",
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "sub-1", ["SOFTWARE_TOKEN_MFA_CODE"] = "123456" },
            ContextData = new ContextDataType { IpAddress = "203.0.113.7", ServerName = "app.example", ServerPath = "/api/user/login/challenge" },
            UserContextData = new UserContextDataType { IpAddress = "203.0.113.7" },
        }), true, $$"""{"ChallengeName":"SOFTWARE_TOKEN_MFA","Session":"session","ChallengeResponses":{"USERNAME":"sub-1","SOFTWARE_TOKEN_MFA_CODE":"123456"},"ContextData":{"IpAddress":"203.0.113.7","ServerName":"app.example","ServerPath":"/api/user/login/challenge","HttpHeaders":[]},"UserPoolId":"{{Pool}}","ClientId":"{{Client}}"}"""),
        ["InitiateAuth"] = (c => c.InitiateAuthAsync(InitiateAuthRequest.ForPassword("a@example.com", "Secret-Pass-1", new UserContextDataType { IpAddress = "203.0.113.7" })),
            false, $$"""{"AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"a@example.com","PASSWORD":"Secret-Pass-1"},"UserContextData":{"IpAddress":"203.0.113.7"},"ClientId":"{{Client}}"}"""),
        ["RespondToAuthChallenge"] = (c => c.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest
        {
            ChallengeName = "NEW_PASSWORD_REQUIRED",
            Session = "session",
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "sub-1", ["NEW_PASSWORD"] = "New-Pass-2" },
            ContextData = new ContextDataType { IpAddress = "203.0.113.7", ServerName = "app.example", ServerPath = "/api/user/login/challenge" },
            UserContextData = new UserContextDataType { IpAddress = "203.0.113.7" },
        }), false, $$"""{"ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"session","ChallengeResponses":{"USERNAME":"sub-1","NEW_PASSWORD":"New-Pass-2"},"UserContextData":{"IpAddress":"203.0.113.7"},"ClientId":"{{Client}}"}"""),
        ["AdminDeleteUser"] = (c => c.AdminDeleteUserAsync(new AdminDeleteUserRequest { Username = "a@example.com" }), true, $$"""{"Username":"a@example.com","UserPoolId":"{{Pool}}"}"""),
        ["AdminGetUser"] = (c => c.AdminGetUserAsync(new AdminGetUserRequest { Username = "a@example.com" }), true, $$"""{"Username":"a@example.com","UserPoolId":"{{Pool}}"}"""),
        ["AdminUserGlobalSignOut"] = (c => c.AdminUserGlobalSignOutAsync(new AdminUserGlobalSignOutRequest { Username = "a@example.com" }), true, $$"""{"Username":"a@example.com","UserPoolId":"{{Pool}}"}"""),
        ["RevokeToken"] = (c => c.RevokeTokenAsync(new RevokeTokenRequest { Token = "refresh-token" }), false, $$"""{"Token":"refresh-token","ClientId":"{{Client}}"}"""),
        ["ForgotPassword"] = (c => c.ForgotPasswordAsync(new ForgotPasswordRequest { Username = "a@example.com" }), false, $$"""{"Username":"a@example.com","ClientId":"{{Client}}"}"""),
        ["ConfirmForgotPassword"] = (c => c.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { Username = "a@example.com", ConfirmationCode = "123456", Password = "New-Pass-2" }),
            false, $$"""{"Username":"a@example.com","ConfirmationCode":"123456","Password":"New-Pass-2","ClientId":"{{Client}}"}"""),
        ["ChangePassword"] = (c => c.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = "access", PreviousPassword = "Old-Pass-1", ProposedPassword = "New-Pass-2" }),
            false, """{"AccessToken":"access","PreviousPassword":"Old-Pass-1","ProposedPassword":"New-Pass-2"}"""),
        ["AssociateSoftwareToken"] = (c => c.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { AccessToken = "access" }),
            false, """{"AccessToken":"access"}"""),
        ["VerifySoftwareToken"] = (c => c.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { AccessToken = "access", UserCode = "123456" }),
            false, """{"AccessToken":"access","UserCode":"123456"}"""),
        ["SetUserMFAPreference"] = (c => c.SetUserMFAPreferenceAsync(new SetUserMfaPreferenceRequest { AccessToken = "access", SoftwareTokenMfaSettings = new() { Enabled = true, PreferredMfa = true } }),
            false, """{"AccessToken":"access","SoftwareTokenMfaSettings":{"Enabled":true,"PreferredMfa":true}}"""),
        ["DeleteUser"] = (c => c.DeleteUserAsync(new DeleteUserRequest { AccessToken = "access" }), false, """{"AccessToken":"access"}"""),
        ["GetUserAttributeVerificationCode"] = (c => c.GetUserAttributeVerificationCodeAsync(new GetUserAttributeVerificationCodeRequest { AccessToken = "access", AttributeName = "email" }),
            false, """{"AccessToken":"access","AttributeName":"email"}"""),
        ["VerifyUserAttribute"] = (c => c.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = "access", AttributeName = "email", Code = "123456" }),
            false, """{"AccessToken":"access","AttributeName":"email","Code":"123456"}"""),
        ["ListUsers"] = (c => c.ListUsersAsync(new ListUsersRequest { Limit = 2, PaginationToken = "page-2" }),
            true, $$"""{"Limit":2,"PaginationToken":"page-2","UserPoolId":"{{Pool}}"}"""),
        ["DescribeUserPool"] = (c => c.DescribeUserPoolAsync(), true, $$"""{"UserPoolId":"{{Pool}}"}"""),
        ["DescribeUserPoolClient"] = (c => c.DescribeUserPoolClientAsync(), true, $$"""{"UserPoolId":"{{Pool}}","ClientId":"{{Client}}"}"""),
    };
}
