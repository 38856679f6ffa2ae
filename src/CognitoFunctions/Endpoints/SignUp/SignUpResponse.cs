
namespace CognitoFunctions.Endpoints.SignUp;

/// <summary>
/// The answer to a sign-up; <c>message</c> is the original tutorial's. <c>emailVerified</c> false: the user still has to
/// prove the email with the code Cognito sends (<c>POST /api/user/email/verification-code</c>).
/// </summary>
internal sealed record SignUpResponse(string Message, string UserSub, bool EmailVerified);
