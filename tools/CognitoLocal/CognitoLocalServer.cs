using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CognitoFunctions.Testing.CognitoLocal;

/// <summary>
/// One cognito-local process on a loopback port it chose itself, with its own temporary data directory.
/// It is stopped by PID on dispose; the wrapper script also exits by itself when this process is gone, so a
/// cancelled or crashed test run leaves nothing behind.
/// </summary>
public sealed class CognitoLocalServer : IAsyncDisposable
{
    /// <summary>The confirmation and forgot-password code every user gets (cognito-local's CODE setting).</summary>
    public const string FixedCode = "123456";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly bool _ownsDataDirectory;
    private int _disposed;

    private CognitoLocalServer(Process process, string dataDirectory, bool ownsDataDirectory, Uri endpoint)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        Endpoint = endpoint;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The working directory whose <c>.cognito</c> folder holds the server's config and data.</summary>
    public string DataDirectory { get; }

    /// <summary>The process id, for whoever must stop it from outside.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Where cognito-local at <paramref name="endpoint"/> serves the keys of a pool.</summary>
    public static Uri JwksAddress(Uri endpoint, string userPoolId) => new(endpoint, $"{userPoolId}/.well-known/jwks.json");

    /// <summary>
    /// Starts cognito-local with tokens whose <c>iss</c> looks like real Cognito
    /// (<c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>) and waits until <c>/health</c> answers.
    /// </summary>
    /// <param name="region">The region in the issuer domain.</param>
    /// <param name="dataDirectory">A directory to keep data in across runs; a fresh temporary one when null.</param>
    /// <param name="port">The loopback port to listen on; 0 (the default) lets the server pick a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<CognitoLocalServer> StartAsync(string region = "us-east-1", string? dataDirectory = null, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        // Before any folder is made: it fails when the Node.js tools are not installed.
        var startInfo = NodeProcess.CreateStartInfo("cognito-local.cjs", []);
        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("cognito-local-").FullName;
        WriteConfig(dataDirectory, region);
        startInfo.WorkingDirectory = dataDirectory;
        startInfo.Environment["HOST"] = "127.0.0.1";
        startInfo.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment["CODE"] = FixedCode;
        startInfo.Environment["COGNITO_LOCAL_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("cognito-local closed its output before listening."));
            }
            else if (e.Data.StartsWith("COGNITO_LOCAL_LISTENING ", StringComparison.Ordinal))
            {
                listening.TrySetResult(int.Parse(e.Data.AsSpan("COGNITO_LOCAL_LISTENING ".Length), CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var listeningPort = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            var server = new CognitoLocalServer(process, dataDirectory, ownsDataDirectory, new Uri($"http://127.0.0.1:{listeningPort}/"));
            await server.WaitForHealthAsync(cancellationToken);
            return server;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            Kill(process);
            string captured;
            lock (log)
            {
                captured = log.ToString();
            }

            throw new InvalidOperationException($"cognito-local did not start: {ex.Message}\n{captured}", ex);
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Stops the process (by PID, with its children) and removes a temporary data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless; failing the run over it is not.
            }
        }
    }

    private async Task WaitForHealthAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        // Listening is printed once the socket accepts connections, so the first probe normally succeeds;
        // the retry covers only a server still loading its data files.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"cognito-local exited with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "health"), deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
        }
        while (await timer.WaitForNextTickAsync(deadline.Token));
    }

    private static void WriteConfig(string dataDirectory, string region)
    {
        var configDirectory = Path.Combine(dataDirectory, ".cognito");
        Directory.CreateDirectory(configDirectory);
        var config = new JsonObject
        {
            ["TokenConfig"] = new JsonObject { ["IssuerDomain"] = $"https://cognito-idp.{region}.amazonaws.com" },
        };
        File.WriteAllText(Path.Combine(configDirectory, "config.json"), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
