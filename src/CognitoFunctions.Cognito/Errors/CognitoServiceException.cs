using System.Net;

namespace CognitoFunctions.Cognito.Errors;

/// <summary>Cognito answered with an error code (<c>__type</c>), e.g. <c>UsernameExistsException</c>.</summary>
public class CognitoServiceException : CognitoException
{
    /// <summary>Creates the exception.</summary>
    public CognitoServiceException(string operation, CallAttempts attempts, HttpStatusCode statusCode, string errorCode, string? cognitoMessage, string? requestId)
        : base(operation, attempts, $"Cognito {operation} failed with HTTP {(int)statusCode} {errorCode}: {cognitoMessage}")
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Code = CognitoErrorCodes.Parse(errorCode);
        CognitoMessage = cognitoMessage;
        RequestId = requestId;
    }

    /// <summary>The HTTP status Cognito answered with (400 for nearly every error).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Cognito's code without a namespace prefix, e.g. <c>UsernameExistsException</c>, known or not.</summary>
    public string ErrorCode { get; }

    /// <summary>The code as an enum; <see cref="CognitoErrorCode.Unknown"/> for codes not listed there.</summary>
    public CognitoErrorCode Code { get; }

    /// <summary>Cognito's message, for logs only: it is not meant for the app's clients.</summary>
    public string? CognitoMessage { get; }

    /// <summary>Cognito's request id (<c>x-amzn-RequestId</c>), for AWS support.</summary>
    public string? RequestId { get; }
}
