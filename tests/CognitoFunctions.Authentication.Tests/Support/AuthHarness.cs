using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CognitoFunctions.Authentication.Tests.Support;

/// <summary>
/// The package wired as an app wires it (AddCognitoAuthentication over configuration), with pools A and B served by
/// a loopback <see cref="JwksServer"/>, a controllable clock, captured logs, and the test's own services (token checks).
/// </summary>
public sealed class AuthHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private AuthHarness(JwksServer server, ServiceProvider services, FakeTimeProvider time, CapturedLogs logs)
    {
        Server = server;
        _services = services;
        Time = time;
        Logs = logs;
    }

    public JwksServer Server { get; }

    public FakeTimeProvider Time { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _services;

    public DateTimeOffset Now => Time.GetUtcNow();

    internal CognitoTokenValidator Validator => _services.GetRequiredService<CognitoTokenValidator>();

    internal ValidatedTokenCache Cache => _services.GetRequiredService<ValidatedTokenCache>();

    internal TrustedPoolRegistry Registry => _services.GetRequiredService<TrustedPoolRegistry>();

    internal JwksKeySource KeysA => Registry.Pools[0].Keys;

    /// <summary>Starts a harness; the JWKS documents are served before any fetch, and not fetched until asked.</summary>
    public static async Task<AuthHarness> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, DateTimeOffset? start = null, bool trustPoolB = true,
        Action<IServiceCollection>? services = null)
    {
        var server = await JwksServer.StartAsync();
        server.Serve(TestPools.PathA, Jwks.PoolA());
        server.Serve(TestPools.PathB, Jwks.PoolB());
        var settings = new Dictionary<string, string?>
        {
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
            ["CognitoAuth:RequireHttpsJwks"] = "false",
            ["CognitoAuth:TrustedPools:0:Region"] = TestPools.RegionA,
            ["CognitoAuth:TrustedPools:0:UserPoolId"] = TestPools.PoolIdA,
            ["CognitoAuth:TrustedPools:0:ClientIds:0"] = TestPools.ClientA1,
            ["CognitoAuth:TrustedPools:0:ClientIds:1"] = TestPools.ClientA2,
            ["CognitoAuth:TrustedPools:0:JwksUri"] = server.Url(TestPools.PathA).ToString(),
        };
        if (trustPoolB)
        {
            settings["CognitoAuth:TrustedPools:1:Region"] = TestPools.RegionB;
            settings["CognitoAuth:TrustedPools:1:UserPoolId"] = TestPools.PoolIdB;
            settings["CognitoAuth:TrustedPools:1:ClientIds:0"] = TestPools.ClientB1;
            settings["CognitoAuth:TrustedPools:1:JwksUri"] = server.Url(TestPools.PathB).ToString();
        }

        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var time = new FakeTimeProvider(start ?? Start);
        var logs = new CapturedLogs();
        var collection = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton<TimeProvider>(time)
            .AddCognitoAuthentication(configuration);
        services?.Invoke(collection);
        return new AuthHarness(server, collection.BuildServiceProvider(), time, logs);
    }

    public ValueTask<CognitoTokenValidationResult> ValidateAsync(string token) => Validator.ValidateAsync(token);

    /// <summary>Fetches every pool's keys now (what the start-up prefetch does) and waits for them.</summary>
    public async Task LoadKeysAsync()
    {
        foreach (var pool in Registry.Pools)
        {
            await pool.Keys.RefreshAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Every log message written, rendered.</summary>
    public sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner._messages.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
