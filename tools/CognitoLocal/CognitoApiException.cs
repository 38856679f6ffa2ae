namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>An error answer of the Cognito JSON 1.1 API: <c>{"__type": "...", "message": "..."}</c>.</summary>
public sealed class CognitoApiException(string operation, int statusCode, string errorType, string message)
    : Exception($"{operation} failed with HTTP {statusCode} {errorType}: {message}")
{
    /// <summary>The operation that failed.</summary>
    public string Operation { get; } = operation;

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The error code, without any <c>namespace#</c> prefix.</summary>
    public string ErrorType { get; } = errorType;
}
