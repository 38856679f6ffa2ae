using System.Reflection;

namespace CognitoFunctions.Authentication;

/// <summary>
/// What one function requires, from our attributes on its method and class. The method's attributes decide when it
/// has any; otherwise the class's; otherwise any valid token. Requirements of class and method add up, and
/// anonymous together with a requirement at the same level counts as requiring (secure by default).
/// </summary>
internal sealed class FunctionPolicy
{
    public static readonly FunctionPolicy AnyValidToken = new(false, [], conflicting: false);

    // An array walked by index: checked on every request, so no enumerator is boxed.
    private readonly TokenRequirement[] _requirements;

    private FunctionPolicy(bool allowsAnonymous, TokenRequirement[] requirements, bool conflicting)
    {
        AllowsAnonymous = allowsAnonymous;
        _requirements = requirements;
        Conflicting = conflicting;
    }

    public bool AllowsAnonymous { get; }

    public IReadOnlyList<TokenRequirement> Requirements => _requirements;

    /// <summary>Anonymous and a requirement were both given at one level.</summary>
    public bool Conflicting { get; }

    public static FunctionPolicy For(MethodInfo method)
    {
        var type = method.ReflectedType ?? method.DeclaringType;
        var methodAnonymous = method.IsDefined(typeof(AllowAnonymousAttribute), inherit: true);
        var methodRequirements = method.GetCustomAttributes<RequireCognitoTokenAttribute>(inherit: true).Select(TokenRequirement.From).ToArray();
        var classAnonymous = type?.IsDefined(typeof(AllowAnonymousAttribute), inherit: true) ?? false;
        var classRequirements = type?.GetCustomAttributes<RequireCognitoTokenAttribute>(inherit: true).Select(TokenRequirement.From).ToArray() ?? [];

        if (methodAnonymous && methodRequirements.Length == 0)
        {
            return new FunctionPolicy(true, [], conflicting: false);
        }

        if (methodRequirements.Length > 0)
        {
            var inherited = classAnonymous && classRequirements.Length == 0 ? [] : classRequirements;
            return new FunctionPolicy(false, [.. inherited, .. methodRequirements], conflicting: methodAnonymous);
        }

        if (classAnonymous && classRequirements.Length == 0)
        {
            return new FunctionPolicy(true, [], conflicting: false);
        }

        return new FunctionPolicy(false, classRequirements, conflicting: classAnonymous);
    }

    /// <summary><see cref="AuthOutcome.Valid"/> when the token meets every requirement, else the first failure and its requirement.</summary>
    public AuthOutcome Check(CognitoToken token, out TokenRequirement? failed)
    {
        for (var i = 0; i < _requirements.Length; i++)
        {
            var requirement = _requirements[i];
            var outcome = requirement.Check(token);
            if (outcome != AuthOutcome.Valid)
            {
                failed = requirement;
                return outcome;
            }
        }

        failed = null;
        return AuthOutcome.Valid;
    }
}
