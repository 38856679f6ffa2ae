namespace CognitoFunctions.Cognito.Errors;

/// <summary>What the retries of one call did: how many attempts, and whether one before the last has an unknown outcome.</summary>
/// <param name="Count">Attempts sent.</param>
/// <param name="EarlierOutcomeUnknown">An attempt before the last timed out, failed on the network or got HTTP 5xx.</param>
public readonly record struct CallAttempts(int Count, bool EarlierOutcomeUnknown);
