namespace CognitoFunctions.Authentication;

/// <summary>A check given as a function to <c>AddCognitoTokenCheck</c>, logged under the name of its method.</summary>
internal sealed class DelegateTokenCheck(Func<CognitoTokenCheckContext, ValueTask<CognitoTokenCheckResult>> check) : ICognitoTokenCheck
{
    public string Name { get; } = $"{check.Method.DeclaringType?.FullName}.{check.Method.Name}";

    public ValueTask<CognitoTokenCheckResult> CheckAsync(CognitoTokenCheckContext context) => check(context);
}
