using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CognitoFunctions.Testing.FunctionsHost.Rpc;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Routing;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// Plays the Azure Functions host for a built .NET isolated-worker app: serves the FunctionRpc gRPC stream on a
/// loopback port, launches <c>dotnet &lt;App&gt;.dll</c> against it, performs init → metadata → load, then serves the
/// app's HTTP functions on a loopback HTTP/1.1 port. Not emulated: function keys and auth levels, CORS,
/// host.json beyond <c>extensions.http.routePrefix</c>, timeouts, scale-out.
/// </summary>
public sealed class FunctionsTestHost : IAsyncDisposable
{
    /// <summary>The real host's default request body limit: 100 MiB.</summary>
    public const long DefaultRequestBodyLimit = 104_857_600;

    private const string BodyLimitSetting = "FUNCTIONS_REQUEST_BODY_SIZE_LIMIT";

    private readonly GrpcEndpoint _grpc;
    private readonly WorkerConnection _connection;
    private readonly WorkerProcess _worker;
    private readonly HttpEdge _edge;
    private readonly TimeSpan _gracePeriod;
    private readonly HostLog _log;
    private readonly EventHandler _killOnProcessExit;
    private int _disposed;

    private FunctionsTestHost(GrpcEndpoint grpc, WorkerConnection connection, WorkerProcess worker, HttpEdge edge, WorkerHandshake handshake, int workerProcessId, TimeSpan functionsLoadedAfter, FunctionsTestHostOptions options, HostLog log, EventHandler killOnProcessExit)
    {
        _grpc = grpc;
        _connection = connection;
        _worker = worker;
        _edge = edge;
        Handshake = handshake;
        WorkerProcessId = workerProcessId;
        FunctionsLoadedAfter = functionsLoadedAfter;
        _gracePeriod = options.ShutdownGracePeriod;
        _log = log;
        _killOnProcessExit = killOnProcessExit;
    }

    /// <summary>Where the app's functions are served, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => _edge.BaseAddress;

    /// <summary>What the worker said during start-up.</summary>
    public WorkerHandshake Handshake { get; }

    /// <summary>The worker's process id.</summary>
    public int WorkerProcessId { get; }

    /// <summary>Time from the start call until every function was loaded.</summary>
    public TimeSpan FunctionsLoadedAfter { get; }

    /// <summary>How the worker ended, once the host is disposed.</summary>
    public WorkerExit? WorkerExit { get; private set; }

    /// <summary>Starts the worker and everything around it; throws <see cref="FunctionsHostStartException"/> naming the failed step.</summary>
    public static async Task<FunctionsTestHost> StartAsync(FunctionsTestHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var log = new HostLog(options.Log);
        FunctionAppFolder app;
        try
        {
            app = FunctionAppFolder.Read(options.AppDirectory);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or InvalidOperationException)
        {
            throw new FunctionsHostStartException(StartStage.Launch, ex.Message, "", ex);
        }

        var bodyLimit = BodyLimit(options);
        var connection = new WorkerConnection(log);
        var grpc = await GrpcEndpoint.StartAsync(connection, log, cancellationToken);
        WorkerProcess? worker = null;
        EventHandler? killOnProcessExit = null;
        try
        {
            worker = WorkerProcess.Start(options.DotnetExecutable, app, grpc.Port, WorkerEnvironment(app, options), log);
            // A test run that ends without disposing the host (or is cancelled) must not leave the worker behind.
            killOnProcessExit = (_, _) => worker.Kill();
            AppDomain.CurrentDomain.ProcessExit += killOnProcessExit;

            var (handshake, httpFunctions) = await new WorkerStartup(connection, worker, app, log, options.StartTimeout).RunAsync(cancellationToken);
            var loadedAfter = clock.Elapsed;
            var workerHandlesCancel = handshake.Capabilities.ContainsKey(WorkerCapabilities.HandlesInvocationCancelMessage);
            var forwarder = HttpForwarder(handshake, log);
            var requiresRouteParameters = handshake.Capabilities.ContainsKey(WorkerCapabilities.RequiresRouteParameters);
            HttpEdge edge;
            try
            {
                edge = await HttpEdge.StartAsync(httpFunctions, app.RoutePrefix, connection, options.HttpPort, bodyLimit, workerHandlesCancel, forwarder, requiresRouteParameters, log, cancellationToken);
            }
            catch (IOException ex)
            {
                forwarder?.Dispose();
                throw new FunctionsHostStartException(StartStage.Listen, $"cannot listen on 127.0.0.1:{options.HttpPort}: {ex.Message}", "", ex);
            }
            catch (Exception ex) when (ex is RouteCreationException or InvalidOperationException)
            {
                forwarder?.Dispose();
                throw new FunctionsHostStartException(StartStage.Listen, $"a function's route cannot be served: {ex.Message}", log.Recent(), ex);
            }

            var host = new FunctionsTestHost(grpc, connection, worker, edge, handshake, await worker.WorkerProcessId, loadedAfter, options, log, killOnProcessExit);
            log.Write($"[host] serving {host.BaseAddress} (functions loaded after {loadedAfter.TotalMilliseconds:0} ms)");
            return host;
        }
        catch
        {
            if (killOnProcessExit is not null)
            {
                AppDomain.CurrentDomain.ProcessExit -= killOnProcessExit;
            }

            worker?.Dispose();
            connection.Close();
            await grpc.DisposeAsync();
            connection.Dispose();
            throw;
        }
    }

    /// <summary>An HTTP client for <see cref="BaseAddress"/>; the caller disposes it.</summary>
    /// <param name="handler">A handler every request goes through (it gets the sending handler as its inner one unless it has one), if any.</param>
    public HttpClient CreateClient(DelegatingHandler? handler = null)
    {
        if (handler is not null)
        {
            handler.InnerHandler ??= new HttpClientHandler();
        }

        return new(handler ?? (HttpMessageHandler)new HttpClientHandler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>
    /// Stops taking requests, sends <c>WorkerTerminate</c>, waits the grace period for the worker to exit and
    /// kills it by process id if it has not.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await _edge.DisposeAsync();
            try
            {
                _connection.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(_gracePeriod) } });
            }
            catch (WorkerConnectionClosedException)
            {
                // The worker is already gone; StopAsync sees that it exited.
            }

            WorkerExit = await _worker.StopAsync(_gracePeriod);
            _log.Write($"[host] worker exited with code {WorkerExit.ExitCode}{(WorkerExit.Killed ? " (killed)" : "")}");
        }
        finally
        {
            _worker.Dispose();
            _connection.Close();
            await _grpc.DisposeAsync();
            _connection.Dispose();
            AppDomain.CurrentDomain.ProcessExit -= _killOnProcessExit;
        }
    }

    private static Dictionary<string, string> WorkerEnvironment(FunctionAppFolder app, FunctionsTestHostOptions options)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
        };
        foreach (var (name, value) in options.AppSettings)
        {
            environment[name] = value;
        }

        // What the real host sets for every worker; the worker fails to load functions without the directories.
        environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Directory;
        environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Directory;
        environment["AzureWebJobsScriptRoot"] = app.Directory;
        return environment;
    }

    // A worker in ASP.NET Core integration mode names its own HTTP server in the HttpUri capability; the host forwards requests there.
    private static WorkerHttpForwarder? HttpForwarder(WorkerHandshake handshake, HostLog log)
    {
        if (!handshake.Capabilities.TryGetValue(WorkerCapabilities.HttpUri, out var httpUri) || httpUri.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(httpUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new FunctionsHostStartException(StartStage.Initialize, $"the worker's HttpUri capability '{httpUri}' is not an absolute http address", log.Recent());
        }

        log.Write($"[host] the worker serves HTTP itself at {uri} (ASP.NET Core integration); forwarding requests there");
        return new WorkerHttpForwarder(uri, log);
    }

    private static long BodyLimit(FunctionsTestHostOptions options)
    {
        var text = options.AppSettings.TryGetValue(BodyLimitSetting, out var setting) ? setting : Environment.GetEnvironmentVariable(BodyLimitSetting);
        if (string.IsNullOrEmpty(text))
        {
            return DefaultRequestBodyLimit;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : throw new ArgumentException($"{BodyLimitSetting} '{text}' is not a positive number of bytes.");
    }
}
