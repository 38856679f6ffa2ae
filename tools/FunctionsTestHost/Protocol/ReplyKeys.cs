namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>The ids replies are correlated by, one namespace per kind so that they cannot collide.</summary>
internal static class ReplyKeys
{
    public static string Request(string requestId) => "request:" + requestId;

    public static string Load(string functionId) => "load:" + functionId;

    public static string Invocation(string invocationId) => "invocation:" + invocationId;
}
