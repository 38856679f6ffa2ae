using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;

namespace CognitoFunctions.Authentication;

/// <summary>
/// Sets <c>HttpContext.User</c> in ASP.NET Core integration mode, without a reference to ASP.NET Core (which the
/// built-in model does not need): the integration keeps the invocation's <c>HttpContext</c> in the function's items,
/// and its public <c>User</c> property (a <see cref="ClaimsPrincipal"/>) is bound once per context type to a delegate.
/// </summary>
internal static class HttpContextUser
{
    private static readonly ConcurrentDictionary<Type, Action<object, ClaimsPrincipal>?> Setters = new();

    private static readonly MethodInfo BindMethod =
        typeof(HttpContextUser).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Sets the user of the invocation's <c>HttpContext</c>; false when there is none (or it has no settable <c>User</c>).</summary>
    public static bool TrySet(FunctionContext context, ClaimsPrincipal principal)
    {
        if (!context.Items.TryGetValue(AspNetCoreIntegration.HttpContextItem, out var httpContext) || httpContext is null)
        {
            return false;
        }

        var type = httpContext.GetType();
        var setter = Setters.TryGetValue(type, out var known) ? known : Setters.GetOrAdd(type, Find(type));
        if (setter is null)
        {
            return false;
        }

        setter(httpContext, principal);
        return true;
    }

    private static Action<object, ClaimsPrincipal>? Find(Type type)
    {
        var setter = type.GetProperty("User", BindingFlags.Public | BindingFlags.Instance, binder: null, typeof(ClaimsPrincipal), Type.EmptyTypes, modifiers: null)
            ?.GetSetMethod();
        return setter?.DeclaringType is { } declaring
            ? (Action<object, ClaimsPrincipal>)BindMethod.MakeGenericMethod(declaring).Invoke(null, [setter])!
            : null;
    }

    // A typed open delegate over the setter: no reflection and no argument array per request.
    private static Action<object, ClaimsPrincipal> Bind<TContext>(MethodInfo setter)
    {
        var set = setter.CreateDelegate<Action<TContext, ClaimsPrincipal>>();
        return (httpContext, principal) => set((TContext)httpContext, principal);
    }
}
