using CognitoFunctions.Testing.CognitoLocal;

namespace CognitoFunctions.TemplateTests;

/// <summary>
/// The names the code gives its telemetry, read from the C# sources under src/ as they are written: a metric, tag or
/// tag value is a string literal (<c>"cognito.auth.requests"</c>, <c>"outcome"</c>, <c>"valid"</c>), an audit event's
/// property a placeholder of its message (<c>{Sub}</c>), an audit event the first word of its message
/// (<c>"LoginSucceeded: ...</c>), and the Cognito spans' prefix the RPC service's name (a literal) that the span name
/// puts before <c>/&lt;Operation&gt;</c> (<c>$"{CognitoTelemetry.RpcService}/{Name}"</c>).
/// </summary>
internal static class TelemetrySource
{
    private static readonly Lazy<string> Sources = new(() => string.Join('\n',
        Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)));

    public static string Text => Sources.Value;

    /// <summary>Whether <paramref name="source"/> emits <paramref name="name"/> as a dashboard query names it.</summary>
    public static bool Emits(string source, string name) => name switch
    {
        // An audit event, as a query finds it: the first word of the message and its colon.
        _ when name.EndsWith(':') => source.Contains($"\"{name} ", StringComparison.Ordinal),
        // The Cognito spans' prefix: the RPC service's name, which the span name puts before "/<Operation>".
        _ when name.EndsWith('/') => source.Contains($"\"{name[..^1]}\"", StringComparison.Ordinal)
            && source.Contains("RpcService}/{", StringComparison.Ordinal),
        _ => source.Contains($"\"{name}\"", StringComparison.Ordinal) || source.Contains($"{{{name}}}", StringComparison.Ordinal),
    };
}
