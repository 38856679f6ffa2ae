using CognitoFunctions.Accounts.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CognitoFunctions.Tests;

public sealed class WorkerLoggingTests
{
    private const string HttpClientCategory = "System.Net.Http.HttpClient.Cognito.LogicalHandler";

    [Fact]
    public void HttpClient_and_Polly_log_warnings_only_by_default_while_the_apps_own_categories_keep_Information()
    {
        using var factory = Factory(new Dictionary<string, string?>());

        Assert.False(factory.CreateLogger(HttpClientCategory).IsEnabled(LogLevel.Information));
        Assert.False(factory.CreateLogger("Polly").IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("Polly").IsEnabled(LogLevel.Warning));
        Assert.True(factory.CreateLogger("CognitoFunctions.Cognito.CognitoIdentityProviderClient").IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData("Logging:LogLevel:System.Net.Http.HttpClient", HttpClientCategory)]
    [InlineData("Logging:LogLevel:System", HttpClientCategory)]
    [InlineData("Logging:LogLevel:Polly", "Polly")]
    public void A_level_the_configuration_sets_for_the_category_or_a_prefix_wins(string key, string category)
    {
        using var factory = Factory(new Dictionary<string, string?> { [key] = "Debug" });

        Assert.True(factory.CreateLogger(category).IsEnabled(LogLevel.Debug));
    }

    [Theory]
    [InlineData("Logging:LogLevel:Default")]
    [InlineData("Logging:LogLevel:CognitoFunctions")]
    public void The_audit_events_keep_Information_when_the_default_or_the_apps_level_is_raised(string key)
    {
        using var factory = Factory(new Dictionary<string, string?> { [key] = "Warning" });

        Assert.True(factory.CreateLogger(AuditLog.Category).IsEnabled(LogLevel.Information));
        Assert.False(factory.CreateLogger("CognitoFunctions.Accounts.AccountService").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void A_level_set_for_the_audit_category_itself_wins()
    {
        using var factory = Factory(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", [$"Logging:LogLevel:{AuditLog.Category}"] = "Warning" });

        Assert.False(factory.CreateLogger(AuditLog.Category).IsEnabled(LogLevel.Information));
    }

    // As the worker's host builder does: the Logging section first, then the app's defaults.
    private static ILoggerFactory Factory(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddQuietHttpClientLogs(configuration).KeepAuditEvents(configuration).AddProvider(new EverythingProvider()));
    }

    // Enabled for everything: what is enabled is then decided by the filter rules alone.
    private sealed class EverythingProvider : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
