using System.Globalization;

namespace CognitoFunctions.FunctionalTests.Reliability;

/// <summary>
/// The size of a load run, from the environment: LOAD_SIGNUPS (default 300: a CI run of well under 30 s),
/// LOAD_CONCURRENCY (16), LOAD_PRIVATE_REQUESTS (1000), LOAD_REPORT (where the figures are written).
/// </summary>
internal sealed record LoadSettings(int SignUps, int Concurrency, int PrivateRequests, string ReportPath)
{
    public const int ContestedEmails = 5;

    public const int ClientsPerContestedEmail = 8;

    public static LoadSettings FromEnvironment() => new(
        Number("LOAD_SIGNUPS", 300),
        Number("LOAD_CONCURRENCY", 16),
        Number("LOAD_PRIVATE_REQUESTS", 1000),
        Environment.GetEnvironmentVariable("LOAD_REPORT") is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(AppContext.BaseDirectory, "load-report.md"));

    private static int Number(string name, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{name} must be a positive whole number, not '{text}'.");
    }
}
