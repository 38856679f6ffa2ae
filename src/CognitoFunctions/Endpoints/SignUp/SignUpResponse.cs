namespace CognitoFunctions.Endpoints.SignUp;

/// <summary>The answer to a sign-up; <c>message</c> is the original tutorial's.</summary>
internal sealed record SignUpResponse(string Message, string UserSub);
