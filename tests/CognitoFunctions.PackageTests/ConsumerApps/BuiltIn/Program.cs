using CognitoFunctions.Authentication;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddCognitoAuthentication(builder.Configuration);
builder.Services.AddCognitoTokenCheck(check =>
{
    // The app's own rule after Cognito's: members of "suspended" are refused, everyone else gets a tenant claim.
    if (check.Token.Groups.Contains("suspended"))
    {
        return ValueTask.FromResult(CognitoTokenCheckResult.Forbidden("This account is suspended."));
    }

    check.AddClaim("tenant", "tenant-" + check.Token.Subject[..8]);
    return ValueTask.FromResult(CognitoTokenCheckResult.Success);
});
builder.UseCognitoAuthentication();

builder.Build().Run();
