using System.Text.Json;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// A built isolated-worker app as the host sees it: the worker to launch (worker.config.json) and the HTTP
/// route prefix (host.json <c>extensions.http.routePrefix</c>, default <c>api</c>; other host.json settings are
/// not emulated).
/// </summary>
internal sealed record FunctionAppFolder(string Directory, string WorkerPath, string RoutePrefix)
{
    private const string DefaultRoutePrefix = "api";

    public static FunctionAppFolder Read(string appDirectory)
    {
        var directory = Path.GetFullPath(appDirectory);
        var config = ReadJson(Path.Combine(directory, "worker.config.json"))
            ?? throw new FileNotFoundException($"No worker.config.json in '{directory}'.");
        var workerPath = config["description"]?["defaultWorkerPath"]?.GetValue<string>()
            ?? throw new InvalidDataException("worker.config.json has no description.defaultWorkerPath.");
        if (!File.Exists(Path.Combine(directory, workerPath)))
        {
            throw new FileNotFoundException($"worker.config.json names '{workerPath}', which is not in '{directory}'.");
        }

        var hostJson = ReadJson(Path.Combine(directory, "host.json"));
        var prefix = hostJson?["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? DefaultRoutePrefix;
        return new FunctionAppFolder(directory, workerPath, prefix.Trim('/'));
    }

    private static JsonNode? ReadJson(string path) =>
        File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            : null;
}
