using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Shared;

/// <summary>
/// Where a worker middleware puts the HTTP answer it gives instead of (or after) the function. One source file
/// compiled into the app and the middleware package, which both answer from middleware.
/// </summary>
internal static class InvocationHttpResponse
{
    private const string HttpBindingType = "http";
    private const string ReturnBindingName = "$return";

    public static void Set(FunctionContext context, HttpResponseData response)
    {
        // A function returning a type with several outputs has its HTTP output as a binding of type http of its own,
        // not $return: the answer goes there, or the host would send an empty response.
        var httpOutput = context.GetOutputBindings<HttpResponseData>()
            .FirstOrDefault(b => string.Equals(b.BindingType, HttpBindingType, StringComparison.OrdinalIgnoreCase));
        if (httpOutput is not null && httpOutput.Name != ReturnBindingName)
        {
            httpOutput.Value = response;
        }
        else
        {
            context.GetInvocationResult().Value = response;
        }
    }
}
