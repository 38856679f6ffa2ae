using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito;
using CognitoFunctions.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>
/// The account layer as the app registers it (<c>AddAccounts</c>), on a <see cref="ScriptedCognito"/>, with its log
/// lines collected. The uniform response time is off unless a test sets it, so the flows answer in milliseconds.
/// </summary>
internal sealed class AccountsHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public AccountsHarness(TimeProvider? time = null, TimeSpan? uniformResponseTime = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Accounts:UniformResponseTime"] = (uniformResponseTime ?? TimeSpan.Zero).ToString("c"),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        _services = new ServiceCollection()
            .AddFakeLogging()
            .AddSingleton<ICognitoIdentityProvider>(Cognito)
            .AddSingleton<UserPoolDescription>()
            .AddSingleton(time ?? TimeProvider.System)
            .AddAccounts(configuration)
            .BuildServiceProvider();
    }

    public ScriptedCognito Cognito { get; } = new();

    public AccountService Accounts => _services.GetRequiredService<AccountService>();

    public SignUpSaga SignUp => _services.GetRequiredService<SignUpSaga>();

    public UserListing Users => _services.GetRequiredService<UserListing>();

    public TotpFactor Totp => _services.GetRequiredService<TotpFactor>();

    public EmailVerification Email => _services.GetRequiredService<EmailVerification>();

    public AccountMetrics Metrics => _services.GetRequiredService<AccountMetrics>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public void Dispose() => _services.Dispose();
}
