using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// ASP.NET Core logs five Information lines per request (request starting, endpoint executing, result, endpoint executed,
// request finished), each sent to the host as a gRPC log message: kept at Warning, as an app that tunes its logs keeps
// them. Bench__RequestLogs=on leaves them as a new app from the template has them.
if (!string.Equals(builder.Configuration["Bench:RequestLogs"], "on", StringComparison.OrdinalIgnoreCase))
{
    builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
}

// After ConfigureFunctionsWebApplication(): registered before it, the middleware would read the empty request of the
// minimal invocation instead of the forwarded one. Bench__Authentication=off leaves it out, as in BenchFunctionApp.
if (!string.Equals(builder.Configuration["Bench:Authentication"], "off", StringComparison.OrdinalIgnoreCase))
{
    builder.Services.AddCognitoAuthentication(builder.Configuration);
    builder.UseCognitoAuthentication();
}

builder.Build().Run();
