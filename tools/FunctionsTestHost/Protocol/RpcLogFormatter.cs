using CognitoFunctions.Testing.FunctionsHost.Rpc;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>One log line per worker <c>RpcLog</c>: level, category, message and any exception.</summary>
internal static class RpcLogFormatter
{
    public static string Format(RpcLog log)
    {
        var line = $"[worker {log.Level}] {log.Category}: {log.Message}";
        return log.Exception is { } exception ? $"{line}{Environment.NewLine}{Describe(exception)}" : line;
    }

    public static string Describe(RpcException exception) =>
        // The .NET worker puts exception.ToString() (type, message, stack) into Message.
        string.IsNullOrEmpty(exception.StackTrace) || exception.Message.Contains(exception.StackTrace, StringComparison.Ordinal)
            ? exception.Message
            : $"{exception.Message}{Environment.NewLine}{exception.StackTrace}";
}
