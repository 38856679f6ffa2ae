using CognitoFunctions.Testing.FunctionsHost.Rpc;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// The start-up conversation: wait for <c>StartStream</c>, initialise (and check the capabilities the host
/// relies on), ask for the function metadata, refuse what the real host refuses (<see cref="BuiltInRoutes"/>),
/// load every other function and wait for every load response. Each step
/// fails fast, with the step named, when the worker exits, answers a failure or the time runs out.
/// </summary>
internal sealed class WorkerStartup(WorkerConnection connection, WorkerProcess worker, FunctionAppFolder app, HostLog log, TimeSpan timeout)
{
    private const string HostVersion = "4.0.0.0";

    public async Task<(WorkerHandshake Handshake, IReadOnlyList<HttpFunction> HttpFunctions)> RunAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stage = StartStage.Connect;
        try
        {
            var workerId = await Step(connection.Started, deadline.Token);

            stage = StartStage.Initialize;
            var init = (await Request(new StreamingMessage
            {
                WorkerInitRequest = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = app.Directory, FunctionAppDirectory = app.Directory },
            }, deadline.Token)).WorkerInitResponse;
            EnsureSuccess(stage, init.Result, "WorkerInitResponse");
            var missing = WorkerCapabilities.Required.Where(c => !init.Capabilities.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                throw Fail(stage, $"the worker no longer advertises {string.Join(", ", missing)}; the test host only speaks the request shape those capabilities ask for (advertised: {string.Join(", ", init.Capabilities.Keys.Order(StringComparer.Ordinal))})");
            }

            stage = StartStage.Metadata;
            var metadata = (await Request(new StreamingMessage
            {
                FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = app.Directory },
            }, deadline.Token)).FunctionMetadataResponse;
            EnsureSuccess(stage, metadata.Result, "FunctionMetadataResponse");
            if (metadata.UseDefaultMetadataIndexing)
            {
                throw Fail(stage, "the worker asks the host to index functions itself (function.json files), which the test host does not do");
            }

            stage = StartStage.Load;
            var indexed = metadata.FunctionMetadataResults.ToList();
            var errors = FunctionErrors(indexed);
            var functions = indexed.Where(f => !errors.ContainsKey(f.Name)).ToList();
            var loads = functions.Select(f => connection.RequestAsync(
                new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = f.FunctionId, Metadata = f } },
                ReplyKeys.Load(f.FunctionId),
                deadline.Token));
            var loaded = await Step(Task.WhenAll(loads), deadline.Token);
            foreach (var (function, reply) in functions.Zip(loaded))
            {
                EnsureSuccess(stage, reply.FunctionLoadResponse.Result, $"loading {function.Name}");
            }

            var http = functions.Select(HttpFunction.FromMetadata).OfType<HttpFunction>().ToList();
            log.Write($"[host] worker {init.WorkerVersion} loaded {functions.Count} function(s): {string.Join(", ", functions.Select(f => f.Name))}");
            return (Handshake(workerId, init, functions, http, errors), http);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Fail(stage, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (WorkerConnectionClosedException ex)
        {
            throw Fail(stage, ex.Message);
        }
    }

    private void EnsureSuccess(StartStage stage, StatusResult? result, string what)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            var why = result?.Exception is { } exception ? RpcLogFormatter.Describe(exception) : result?.Result;
            throw Fail(stage, $"{what} reported {result?.Status.ToString() ?? "no result"}: {why}");
        }
    }

    /// <summary>
    /// The functions the real host refuses before loading anything (an HTTP route in its own route space), by name:
    /// it logs each as in error, never asks the worker to load it, and serves the others.
    /// </summary>
    private Dictionary<string, string> FunctionErrors(IEnumerable<RpcFunctionMetadata> functions)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in functions.Where(f => HttpFunction.FromMetadata(f) is { ConflictsWithBuiltInRoutes: true }))
        {
            errors[function.Name] = BuiltInRoutes.ConflictMessage;
            log.Write($"[host] The '{function.Name}' function is in error: {BuiltInRoutes.ConflictMessage}");
        }

        return errors;
    }

    private WorkerHandshake Handshake(string workerId, WorkerInitResponse init, IReadOnlyList<RpcFunctionMetadata> functions, IReadOnlyList<HttpFunction> http, IReadOnlyDictionary<string, string> errors)
    {
        var routes = http.ToDictionary(f => f.FunctionId, StringComparer.Ordinal);
        return new WorkerHandshake(
            workerId,
            init.WorkerMetadata?.WorkerVersion is { Length: > 0 } version ? version : init.WorkerVersion,
            init.WorkerMetadata?.RuntimeVersion ?? "",
            init.Capabilities.ToDictionary(StringComparer.Ordinal),
            functions.Select(f => new LoadedFunction(
                f.Name,
                f.FunctionId,
                f.EntryPoint,
                routes.TryGetValue(f.FunctionId, out var route) ? route.RouteTemplate(app.RoutePrefix) : null,
                routes.TryGetValue(f.FunctionId, out var methods) ? methods.Methods : null)).ToList(),
            errors);
    }

    private Task<StreamingMessage> Request(StreamingMessage message, CancellationToken cancellationToken)
    {
        message.RequestId = Guid.NewGuid().ToString();
        return Step(connection.RequestAsync(message, ReplyKeys.Request(message.RequestId), cancellationToken), cancellationToken);
    }

    private async Task<T> Step<T>(Task<T> task, CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(task, worker.Exited).WaitAsync(cancellationToken);
        if (first == task)
        {
            return await task;
        }

        // Its last words (an unhandled start-up exception, say) belong in the error.
        await worker.DrainOutputAsync(TimeSpan.FromSeconds(5));
        throw new WorkerConnectionClosedException($"the worker exited with code {await worker.Exited}");
    }

    private FunctionsHostStartException Fail(StartStage stage, string reason) =>
        new(stage, reason, log.Recent());
}
