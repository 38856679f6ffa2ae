using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// Bench__Authentication=off builds the same app without our middleware: the cold-start benchmark's baseline, so the
// two starts differ by the middleware alone (same binary, same host, same functions).
if (!string.Equals(builder.Configuration["Bench:Authentication"], "off", StringComparison.OrdinalIgnoreCase))
{
    builder.Services.AddCognitoAuthentication(builder.Configuration);
    builder.UseCognitoAuthentication();
}

builder.Build().Run();
