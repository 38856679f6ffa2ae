using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// After ConfigureFunctionsWebApplication(): registered before it, the middleware would read the empty request of the
// minimal invocation instead of the forwarded one. Bench__Authentication=off leaves it out, as in BenchFunctionApp.
if (!string.Equals(builder.Configuration["Bench:Authentication"], "off", StringComparison.OrdinalIgnoreCase))
{
    builder.Services.AddCognitoAuthentication(builder.Configuration);
    builder.UseCognitoAuthentication();
}

builder.Build().Run();
