using CognitoFunctions.Accounts.Audit;
using CognitoFunctions.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CognitoFunctions.Accounts;

/// <summary>Registration of the account flows (section <c>Accounts</c>); needs the Cognito client registered too.</summary>
internal static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.RegisterOnce<AccountOptions>(nameof(AddAccounts), "register the account flows once.");
        services.AddOptions<AccountOptions>().BindRefusingUnknownKeys(configuration, AccountOptions.SectionName)
            .Validate(
                o => o.UniformResponseTime >= TimeSpan.Zero && o.UniformResponseTime <= AccountOptions.MaxUniformResponseTime,
                $"{AccountOptions.SectionName}__{nameof(AccountOptions.UniformResponseTime)} must be between 00:00:00 and {AccountOptions.MaxUniformResponseTime:c}.")
            .Validate(
                o => o.UnprovenEmailHoldsFor >= TimeSpan.Zero && o.UnprovenEmailHoldsFor <= AccountOptions.MaxUnprovenEmailHoldsFor,
                $"{AccountOptions.SectionName}__{nameof(AccountOptions.UnprovenEmailHoldsFor)} must be between 00:00:00 and {AccountOptions.MaxUnprovenEmailHoldsFor:c}.")
            .ValidateOnStart();
        services.AddOptions<AuditOptions>().BindRefusingUnknownKeys(configuration, AuditOptions.SectionName)
            .Validate(
                o => string.IsNullOrEmpty(o.EmailHashKey) || o.EmailHashKey.Length >= AuditOptions.MinEmailHashKeyLength,
                $"{AuditOptions.SectionName}__{nameof(AuditOptions.EmailHashKey)} must be at least {AuditOptions.MinEmailHashKeyLength} characters (a random secret), or unset for no email in the audit events.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<AccountMetrics>();
        services.AddSystemTimeProvider();
        services.AddSingleton<PasswordPolicyProvider>();
        services.AddSingleton<UserLookup>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccountFlow>();
        services.AddSingleton<LogInSteps>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<SignUpSaga>();
        services.AddSingleton<UserListing>();
        services.AddSingleton<TotpFactor>();
        services.AddSingleton<EmailVerification>();
        return services;
    }
}
