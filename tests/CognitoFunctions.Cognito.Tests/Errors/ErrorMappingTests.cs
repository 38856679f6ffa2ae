using System.Net;
using CognitoFunctions.Cognito.Errors;
using CognitoFunctions.Cognito.Model;
using CognitoFunctions.Cognito.Tests.Fakes;
using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.Cognito.Tests.Errors;

/// <summary>Error answers in the shapes Cognito's API reference and AWS's common errors give them, through the whole client.</summary>
public sealed class ErrorMappingTests
{
    private static readonly AdminGetUserRequest GetUser = new() { Username = "a@example.com" };

    public static TheoryData<string, string, CognitoErrorCode, string> CognitoErrors => new()
    {
        // __type as Cognito writes it, bare or with the service namespace; "message" or "Message".
        { """{"__type":"UsernameExistsException","message":"An account with the given email already exists."}""", "", CognitoErrorCode.UsernameExists, "UsernameExistsException" },
        { """{"__type":"com.amazonaws.cognito.identity.idp.model#NotAuthorizedException","message":"Incorrect username or password."}""", "", CognitoErrorCode.NotAuthorized, "NotAuthorizedException" },
        { """{"__type":"UserNotFoundException","Message":"User does not exist."}""", "", CognitoErrorCode.UserNotFound, "UserNotFoundException" },
        { """{"__type":"InvalidPasswordException","message":"Password did not conform with policy: Password not long enough"}""", "", CognitoErrorCode.InvalidPassword, "InvalidPasswordException" },
        { """{"__type":"CodeMismatchException","message":"Invalid verification code provided, please try again."}""", "", CognitoErrorCode.CodeMismatch, "CodeMismatchException" },
        { """{"__type":"ExpiredCodeException","message":"Invalid code provided, please request a code again."}""", "", CognitoErrorCode.ExpiredCode, "ExpiredCodeException" },
        { """{"__type":"LimitExceededException","message":"Attempt limit exceeded, please try after some time."}""", "", CognitoErrorCode.LimitExceeded, "LimitExceededException" },
        { """{"__type":"InvalidParameterException","message":"1 validation error detected: Value at 'username' failed to satisfy constraint"}""", "", CognitoErrorCode.InvalidParameter, "InvalidParameterException" },
        { """{"__type":"UserNotConfirmedException","message":"User is not confirmed."}""", "", CognitoErrorCode.UserNotConfirmed, "UserNotConfirmedException" },
        { """{"__type":"PasswordResetRequiredException","message":"Password reset required for the user"}""", "", CognitoErrorCode.PasswordResetRequired, "PasswordResetRequiredException" },
        { """{"__type":"ResourceNotFoundException","message":"User pool us-east-1_TestPool1 does not exist."}""", "", CognitoErrorCode.ResourceNotFound, "ResourceNotFoundException" },
        { """{"__type":"UnsupportedTokenTypeException","message":"Unsupported token type"}""", "", CognitoErrorCode.UnsupportedTokenType, "UnsupportedTokenTypeException" },
        // AWS's common errors (signature, credentials, authorization).
        { """{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}""", "", CognitoErrorCode.UnrecognizedClient, "UnrecognizedClientException" },
        { """{"__type":"InvalidSignatureException","message":"Signature expired: 20240102T030405Z is now earlier than 20240102T031405Z."}""", "", CognitoErrorCode.InvalidSignature, "InvalidSignatureException" },
        { """{"__type":"AccessDeniedException","Message":"User: arn:aws:sts::123456789012:assumed-role/app/s is not authorized to perform: cognito-idp:AdminCreateUser"}""", "", CognitoErrorCode.AccessDenied, "AccessDeniedException" },
        { """{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}""", "", CognitoErrorCode.ExpiredToken, "ExpiredTokenException" },
        { """{"__type":"MissingAuthenticationTokenException","message":"Missing Authentication Token"}""", "", CognitoErrorCode.MissingAuthenticationToken, "MissingAuthenticationTokenException" },
        // The type only in x-amzn-ErrorType, with its ":<uri>" suffix.
        { """{"message":"Invalid verification code provided, please try again."}""", "CodeMismatchException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/", CognitoErrorCode.CodeMismatch, "CodeMismatchException" },
        // A code this client does not know keeps its name.
        { """{"__type":"com.amazonaws.cognito.identity.idp.model#WebAuthnNotEnabledException","message":"WebAuthn is not enabled"}""", "", CognitoErrorCode.Unknown, "WebAuthnNotEnabledException" },
    };

    [Theory]
    [MemberData(nameof(CognitoErrors))]
    public async Task A_Cognito_error_body_becomes_a_service_error_with_its_code(string body, string errorTypeHeader, CognitoErrorCode code, string errorCode)
    {
        var headers = errorTypeHeader.Length == 0 ? null : new Dictionary<string, string> { ["x-amzn-ErrorType"] = errorTypeHeader };
        await using var fake = await CognitoFaultProxy.StartAsync(_ => new CognitoAnswer(400, body, Headers: headers));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(code, error.Code);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("AdminGetUser", error.Operation);
        Assert.Equal("fake-0", error.RequestId);
        Assert.False(string.IsNullOrEmpty(error.CognitoMessage));
        Assert.Contains(error.CognitoMessage!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_that_is_not_JSON_is_a_protocol_error()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => new CognitoAnswer(403, "<html><body>Forbidden</body></html>", "text/html"));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoProtocolException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("text/html", error.ContentType);
        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_error_without_a_type_is_a_protocol_error()
    {
        // What cognito-local answers a request without X-Amz-Target, say.
        await using var fake = await CognitoFaultProxy.StartAsync(_ => new CognitoAnswer(400, """{"message":"Missing x-amz-target header"}""", "application/json"));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoProtocolException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Contains("no __type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_that_is_not_JSON_is_a_server_error_without_a_code()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => new CognitoAnswer(502, "<html>Bad Gateway</html>", "text/html"));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoServerErrorException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.IsAssignableFrom<CognitoUnavailableException>(error);
    }

    [Fact]
    public async Task A_success_body_of_the_wrong_shape_is_a_protocol_error()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => CognitoAnswer.Ok("""{"UserAttributes":"not a list"}"""));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoProtocolException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_but_reported_as_a_protocol_error()
    {
        await using var fake = await CognitoFaultProxy.StartAsync(_ => new CognitoAnswer(307, "", Headers: new Dictionary<string, string> { ["Location"] = "http://127.0.0.1:1/elsewhere" }));
        await using var services = TestClients.Create(fake.Address);

        var error = await Assert.ThrowsAsync<CognitoProtocolException>(() => services.Client().AdminGetUserAsync(GetUser));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Single(fake.Requests);
    }

    [Theory]
    [InlineData("com.amazonaws.cognito.identity.idp.model#UsernameExistsException", "UsernameExistsException")]
    [InlineData("UserNotFoundException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/", "UserNotFoundException")]
    [InlineData("aws.protocoltests#ns#TooManyRequestsException", "TooManyRequestsException")]
    [InlineData("IncompleteSignature", "IncompleteSignature")]
    public void An_error_type_is_reduced_to_its_bare_code(string type, string bare)
    {
        Assert.Equal(bare, CognitoErrorCodes.Normalize(type));
    }

    [Theory]
    [InlineData("IncompleteSignature", CognitoErrorCode.IncompleteSignature)]
    [InlineData("IncompleteSignatureException", CognitoErrorCode.IncompleteSignature)]
    [InlineData("ThrottlingException", CognitoErrorCode.Throttling)]
    [InlineData("Unknown", CognitoErrorCode.Unknown)]
    [InlineData("42", CognitoErrorCode.Unknown)]
    [InlineData("usernameexistsexception", CognitoErrorCode.Unknown)]
    public void A_bare_code_maps_to_its_enum_value_and_nothing_else_does(string bare, CognitoErrorCode code)
    {
        Assert.Equal(code, CognitoErrorCodes.Parse(bare));
    }
}
