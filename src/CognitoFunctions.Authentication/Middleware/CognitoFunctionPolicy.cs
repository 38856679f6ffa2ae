using System.Reflection;

namespace CognitoFunctions.Authentication;

/// <summary>
/// What the middleware requires of one function's callers, from this package's attributes on its method and class
/// (and ASP.NET Core's <c>AllowAnonymous</c>, which counts as <see cref="CognitoAllowAnonymousAttribute"/>), exactly
/// as it enforces it. The method's attributes decide when it has any; otherwise the class's; otherwise any
/// valid token. Requirements of class and method add up, and anonymous together with a requirement at the same level
/// counts as requiring (secure by default).
/// </summary>
public sealed class CognitoFunctionPolicy
{
    private const string FrameworkAllowAnonymousAttribute = "Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute";
    private const string FrameworkAllowAnonymousInterface = "Microsoft.AspNetCore.Authorization.IAllowAnonymous";

    internal static readonly CognitoFunctionPolicy AnyValidToken = new(false, [], conflicting: false);

    private static readonly CognitoAuthenticationProblem[] ProblemsOfAnyToken =
    [
        CognitoAuthenticationProblem.TokenRequired,
        CognitoAuthenticationProblem.InvalidAuthorizationHeader,
        CognitoAuthenticationProblem.InvalidToken,
        CognitoAuthenticationProblem.AuthenticationUnavailable,
    ];

    // An array walked by index: checked on every request, so no enumerator is boxed.
    private readonly CognitoTokenRequirement[] _requirements;

    private CognitoFunctionPolicy(bool allowsAnonymous, CognitoTokenRequirement[] requirements, bool conflicting)
    {
        AllowsAnonymous = allowsAnonymous;
        _requirements = requirements;
        ChecksRevocation = requirements.Any(r => r.CheckRevocation);
        Conflicting = conflicting;
        Problems = allowsAnonymous ? []
            : requirements.Any(r => r.CanForbid) ? [.. ProblemsOfAnyToken, CognitoAuthenticationProblem.InsufficientPermissions]
            : ProblemsOfAnyToken;
    }

    /// <summary>The function runs without a token; one sent is not even checked.</summary>
    public bool AllowsAnonymous { get; }

    /// <summary>
    /// Cognito is asked whether the token was revoked (a requirement has <see cref="CognitoTokenRequirement.CheckRevocation"/>):
    /// such a function requires an access token, answers 401 to a revoked one and 503 when Cognito cannot answer.
    /// </summary>
    public bool ChecksRevocation { get; }

    /// <summary>What a valid token must meet besides being valid (all of them); empty when any valid token will do.</summary>
    public IReadOnlyList<CognitoTokenRequirement> Requirements => _requirements;

    /// <summary>
    /// The problems the middleware may answer instead of running the function: none when it is anonymous; otherwise
    /// those of a missing, malformed or invalid token (a revoked one included) and of unavailable keys (or Cognito, for a
    /// revocation check), and 403 when a requirement can refuse a valid token (a revocation check refuses ID tokens).
    /// </summary>
    public IReadOnlyList<CognitoAuthenticationProblem> Problems { get; }

    /// <summary>Anonymous and a requirement were both given at one level.</summary>
    internal bool Conflicting { get; }

    /// <summary>The policy of the function implemented by <paramref name="method"/> (its class's attributes included).</summary>
    public static CognitoFunctionPolicy For(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var type = method.ReflectedType ?? method.DeclaringType;
        var methodAnonymous = IsMarkedAnonymous(method);
        var methodRequirements = method.GetCustomAttributes<RequireCognitoTokenAttribute>(inherit: true).Select(CognitoTokenRequirement.From).ToArray();
        var classAnonymous = type is not null && IsMarkedAnonymous(type);
        var classRequirements = type?.GetCustomAttributes<RequireCognitoTokenAttribute>(inherit: true).Select(CognitoTokenRequirement.From).ToArray() ?? [];

        if (methodAnonymous && methodRequirements.Length == 0)
        {
            return new CognitoFunctionPolicy(true, [], conflicting: false);
        }

        if (methodRequirements.Length > 0)
        {
            var inherited = classAnonymous && classRequirements.Length == 0 ? [] : classRequirements;
            return new CognitoFunctionPolicy(false, [.. inherited, .. methodRequirements], conflicting: methodAnonymous);
        }

        if (classAnonymous && classRequirements.Length == 0)
        {
            return new CognitoFunctionPolicy(true, [], conflicting: false);
        }

        return new CognitoFunctionPolicy(false, classRequirements, conflicting: classAnonymous);
    }

    /// <summary>
    /// Whether <paramref name="member"/> carries this package's anonymous attribute or ASP.NET Core's. The framework's
    /// is recognised by name (its type, a base type, or its marker interface), so the package needs no reference to
    /// ASP.NET Core, which the built-in HTTP model does not use.
    /// </summary>
    private static bool IsMarkedAnonymous(MemberInfo member)
    {
        if (member.IsDefined(typeof(CognitoAllowAnonymousAttribute), inherit: true))
        {
            return true;
        }

        foreach (var attribute in member.GetCustomAttributes(inherit: true))
        {
            if (IsFrameworkAllowAnonymous(attribute.GetType()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFrameworkAllowAnonymous(Type attributeType)
    {
        for (var type = attributeType; type is not null; type = type.BaseType)
        {
            if (string.Equals(type.FullName, FrameworkAllowAnonymousAttribute, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return attributeType.GetInterfaces().Any(i => string.Equals(i.FullName, FrameworkAllowAnonymousInterface, StringComparison.Ordinal));
    }

    /// <summary><see cref="AuthOutcome.Valid"/> when the token meets every requirement, else the first failure and its requirement.</summary>
    internal AuthOutcome Check(CognitoToken token, out CognitoTokenRequirement? failed)
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
