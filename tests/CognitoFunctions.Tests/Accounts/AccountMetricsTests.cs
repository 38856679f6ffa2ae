using System.Diagnostics.Metrics;
using CognitoFunctions.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>The outcome tag of <c>cognito.account.operations</c>: one per failure kind, the names dashboards query.</summary>
public sealed class AccountMetricsTests
{
    [Fact]
    public void Every_outcome_has_its_own_tag_and_the_known_ones_keep_their_names()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var metrics = new AccountMetrics(factory);
        var outcomes = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter (its factory is the scope): other tests' meters share the name.
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == AccountMetrics.MeterName && instrument.Name == "cognito.account.operations")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcomes.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();

        metrics.Operation(AccountOperation.SignUp, null);
        foreach (var failure in AccountFailureSamples.OnePerKind())
        {
            metrics.Operation(AccountOperation.SignUp, failure);
        }

        Assert.Equal(AccountFailureSamples.OnePerKind().Count + 1, outcomes.Distinct().Count());
        Assert.Equal("success", outcomes[0]);
        Assert.Contains("email_taken", outcomes);
        Assert.Contains("invalid_credentials", outcomes);
        Assert.Contains("field_rejected", outcomes);
        Assert.Contains("throttled", outcomes);
        Assert.Contains("upstream_error", outcomes);
    }
}
