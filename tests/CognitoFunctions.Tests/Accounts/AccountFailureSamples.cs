using CognitoFunctions.Accounts;

namespace CognitoFunctions.Tests.Accounts;

/// <summary>One failure of every kind <see cref="AccountFailure"/> declares, found by reflection so that a new kind is in.</summary>
internal static class AccountFailureSamples
{
    public static IReadOnlyList<Type> Kinds() =>
        [.. typeof(AccountFailure).GetNestedTypes().Where(type => type.IsSubclassOf(typeof(AccountFailure))).OrderBy(type => type.Name, StringComparer.Ordinal)];

    public static IReadOnlyList<AccountFailure> OnePerKind() => [.. Kinds().Select(Sample)];

    // The record's constructor with a made-up value for each field: a name for strings, a challenge, 2 s for a Retry-After.
    private static AccountFailure Sample(Type kind)
    {
        var constructor = kind.GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType != kind));
        var arguments = constructor.GetParameters().Select(p =>
            p.ParameterType == typeof(string) ? p.Name
            : p.ParameterType == typeof(LogInChallenge) ? new LogInChallenge("SOFTWARE_TOKEN_MFA", "session", ["code"])
            : (object?)TimeSpan.FromSeconds(2)).ToArray();
        return (AccountFailure)constructor.Invoke(arguments);
    }
}
