using System.Globalization;
using System.Text;
using CognitoFunctions.Testing.FunctionsHost.Rpc;
using Microsoft.AspNetCore.Http;

namespace CognitoFunctions.Testing.FunctionsHost;

/// <summary>
/// Writes a function's <c>InvocationResponse</c> as the HTTP response, as the real host does: a failed
/// invocation is a bare 500 (empty body, whatever the exception said); otherwise the HTTP output binding's
/// status, headers (Content-Type only when the function set one), cookies as separate Set-Cookie lines and the
/// body bytes; no HTTP output at all is 204.
/// </summary>
internal static class InvocationResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HttpFunction function, InvocationResponse invocation, HostLog log)
    {
        var response = context.Response;
        if (invocation.Result?.Status != StatusResult.Types.Status.Success)
        {
            var why = invocation.Result?.Exception is { } exception ? RpcLogFormatter.Describe(exception) : invocation.Result?.Result;
            log.Write($"[host] {function.Name} invocation {invocation.InvocationId} failed ({invocation.Result?.Status}): {why}");
            response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var output = function.ResponseBindingName switch
        {
            null => null,
            "$return" => invocation.ReturnValue,
            var name => invocation.OutputData.FirstOrDefault(b => b.Name == name)?.Data,
        };

        switch (output?.DataCase)
        {
            case TypedData.DataOneofCase.Http:
                await WriteHttpAsync(context, function, output.Http, log);
                break;
            case null or TypedData.DataOneofCase.None:
                response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                response.StatusCode = StatusCodes.Status200OK;
                await WriteBodyAsync(response, output, setContentType: true);
                break;
        }
    }

    private static async Task WriteHttpAsync(HttpContext context, HttpFunction function, RpcHttp http, HostLog log)
    {
        var response = context.Response;
        var status = StatusCodes.Status200OK;
        if (http.StatusCode.Length > 0 && (!int.TryParse(http.StatusCode, NumberStyles.None, CultureInfo.InvariantCulture, out status) || status is < 100 or > 999))
        {
            log.Write($"[host] {function.Name} answered the status code '{http.StatusCode}', which is not one; answering 500");
            response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        foreach (var (name, value) in http.Headers)
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.Headers.Append(name, value);
            }
        }

        response.StatusCode = status;
        foreach (var cookie in http.Cookies)
        {
            response.Cookies.Append(cookie.Name, cookie.Value, CookieOptions(cookie));
        }

        if (http.Body is { } body)
        {
            await WriteBodyAsync(response, body, setContentType: false);
        }
    }

    private static async Task WriteBodyAsync(HttpResponse response, TypedData body, bool setContentType)
    {
        var (bytes, contentType) = body.DataCase switch
        {
            TypedData.DataOneofCase.Bytes => (body.Bytes.Memory, "application/octet-stream"),
            TypedData.DataOneofCase.Stream => (body.Stream.Memory, "application/octet-stream"),
            TypedData.DataOneofCase.String => (Encoding.UTF8.GetBytes(body.String), "text/plain; charset=utf-8"),
            TypedData.DataOneofCase.Json => (Encoding.UTF8.GetBytes(body.Json), "application/json; charset=utf-8"),
            TypedData.DataOneofCase.Int => (Encoding.UTF8.GetBytes(body.Int.ToString(CultureInfo.InvariantCulture)), "text/plain; charset=utf-8"),
            TypedData.DataOneofCase.Double => (Encoding.UTF8.GetBytes(body.Double.ToString(CultureInfo.InvariantCulture)), "text/plain; charset=utf-8"),
            _ => (ReadOnlyMemory<byte>.Empty, null),
        };

        if (setContentType && contentType is not null)
        {
            response.ContentType = contentType;
        }

        if (!bytes.IsEmpty)
        {
            // No Content-Length: like the real host, responses with a body go out chunked.
            await response.Body.WriteAsync(bytes);
        }
    }

    // Only what the worker sent overrides CookieOptions' defaults (Path "/"), as on the real host.
    private static CookieOptions CookieOptions(RpcHttpCookie cookie)
    {
        var options = new CookieOptions
        {
            SameSite = cookie.SameSite switch
            {
                RpcHttpCookie.Types.SameSite.Lax => SameSiteMode.Lax,
                RpcHttpCookie.Types.SameSite.Strict => SameSiteMode.Strict,
                RpcHttpCookie.Types.SameSite.ExplicitNone => SameSiteMode.None,
                _ => SameSiteMode.Unspecified,
            },
        };
        if (cookie.Domain is { } domain)
        {
            options.Domain = domain.Value;
        }

        if (cookie.Path is { } path)
        {
            options.Path = path.Value;
        }

        if (cookie.Secure is { } secure)
        {
            options.Secure = secure.Value;
        }

        if (cookie.HttpOnly is { } httpOnly)
        {
            options.HttpOnly = httpOnly.Value;
        }

        if (cookie.Expires is { } expires)
        {
            options.Expires = expires.Value.ToDateTimeOffset();
        }

        if (cookie.MaxAge is { } maxAge)
        {
            options.MaxAge = TimeSpan.FromSeconds(maxAge.Value);
        }

        return options;
    }
}
