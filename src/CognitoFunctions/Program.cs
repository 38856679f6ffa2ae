using CognitoFunctions;
using CognitoFunctions.Accounts;
using CognitoFunctions.Cognito;
using CognitoFunctions.Health;
using CognitoFunctions.Observability;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Logging.AddQuietHttpClientLogs(builder.Configuration).KeepAuditEvents(builder.Configuration);

// Spans, metrics and logs leave the process only where a setting sends them (Application Insights, OTLP, the console).
builder.AddTelemetryExport();

// Outermost: anything unforeseen below becomes a /problems/internal-error answer and one log line, not a bare 500.
builder.UseMiddleware<UnhandledExceptionMiddleware>();

builder.Services.AddCognitoIdentityProvider(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddReadiness();
builder.Services.AddSingleton<OpenApiDocumentProvider>();

// Tokens of the app's own pool are trusted unless CognitoAuth__TrustedPools lists pools explicitly.
builder.Services.AddCognitoAuthentication(builder.Configuration, services =>
{
    var cognito = services.GetRequiredService<IOptions<CognitoOptions>>().Value;
    var pool = new CognitoTrustedPool { Region = cognito.Region, UserPoolId = cognito.UserPoolId, JwksUri = cognito.JwksUri };
    pool.ClientIds.Add(cognito.ClientId);
    return pool;
});

// Every HTTP function requires a valid Cognito token unless it is marked [CognitoAllowAnonymous].
builder.UseCognitoAuthentication();

builder.Build().Run();
