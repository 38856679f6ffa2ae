namespace CognitoFunctions.Authentication;

/// <summary>What a key set knows of a <c>kid</c>.</summary>
internal enum KeyLookup
{
    Unknown,
    Found,
    Unusable,
}
