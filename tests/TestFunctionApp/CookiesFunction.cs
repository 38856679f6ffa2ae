using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CognitoFunctions.Testing.TestFunctionApp;

/// <summary>A response with cookies (plain and with every attribute) and a header carrying two values.</summary>
internal sealed class CookiesFunction
{
    [Function("Cookies")]
    public static HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cookies")] HttpRequestData req)
    {
        var response = req.CreateResponse();
        response.Cookies.Append("plain", "one");
        response.Cookies.Append(new HttpCookie("session", "abc123")
        {
            Path = "/api",
            Domain = "example.test",
            Secure = true,
            HttpOnly = true,
            SameSite = SameSite.Strict,
            MaxAge = 3600,
        });
        response.Headers.Add("X-Multi", ["first", "second"]);
        response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
        response.WriteString("cookies set");
        return response;
    }
}
