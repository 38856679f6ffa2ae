namespace CognitoFunctions.Authentication.Tests.Support;

/// <summary>
/// One entry of the token corpus: how to make the token at a given time, and the verdict the validator must give.
/// <see cref="AtTimeBoundary"/> marks cases that sit within seconds of a lifetime limit, which a comparison
/// against the stock handler (it reads the real clock) cannot place exactly.
/// </summary>
public sealed record TokenCase(string Name, Func<DateTimeOffset, string> Make, CognitoTokenFailure Expected, bool AtTimeBoundary = false)
{
    public override string ToString() => Name;
}
