// CognitoFunctions on Azure: a Linux Function App on the Flex Consumption plan (.NET 10 isolated worker), its
// user-assigned managed identity, the storage it reaches with that identity (no account keys anywhere), Application
// Insights with Entra authentication, and every app setting the app's options classes bind, as parameters named after
// the settings (Cognito__UserPoolId <-> cognitoUserPoolId <-> aws-cognito.yaml output CognitoUserPoolId).
//
// Deploy order (no cycle): this template first, then aws-cognito.yaml with this template's outputs
// (managedIdentityPrincipalId -> AzureManagedIdentityPrincipalId, tenantId -> AzureTenantId), then this template again
// with the stack's outputs (cognitoRegion, cognitoUserPoolId, cognitoClientId), then publish the app.
// The AWS role's ARN is derived here from awsAccountId and functionAppRoleName, so the first run needs no stack output.

metadata description = 'CognitoFunctions: Function App (Flex Consumption), managed identity, storage and Application Insights.'

// ---------------------------------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------------------------------

@description('Region of every resource. The Flex Consumption plan is offered in a subset of regions.')
param location string = resourceGroup().location

@description('Base name of the resources: lowercase letters, digits and hyphens. Globally unique names get a suffix derived from the resource group.')
@minLength(2)
@maxLength(18)
param appName string = 'cognito-functions'

@description('Origins allowed to call the API from a browser (siteConfig.cors), e.g. https://app.example.com. Empty: no cross-origin calls.')
param corsAllowedOrigins string[] = []

@description('Whether cross-origin requests may carry credentials (cookies, Authorization). Not valid together with the origin *.')
param corsSupportCredentials bool = false

// ---------------------------------------------------------------------------------------------------------------------
// Section Cognito (CognitoOptions): the app's own user pool
// ---------------------------------------------------------------------------------------------------------------------

@description('Cognito__Region: AWS region of the user pool (output CognitoRegion of aws-cognito.yaml).')
param cognitoRegion string = ''

@description('Cognito__UserPoolId: the user pool id (output CognitoUserPoolId of aws-cognito.yaml).')
param cognitoUserPoolId string = ''

@description('Cognito__ClientId: the app client id (output CognitoClientId of aws-cognito.yaml).')
param cognitoClientId string = ''

@description('Cognito__ClientSecret: the app client\'s secret, only when the stack ran with GenerateClientSecret=true. Prefer cognitoClientSecretKeyVaultUri; never give both.')
@secure()
param cognitoClientSecret string = ''

@description('Versioned or versionless URI of a Key Vault secret holding the app client\'s secret; the setting becomes a Key Vault reference resolved with the managed identity, which needs the Key Vault Secrets User role on the vault.')
// The address of a secret is no secret: the linter goes by the word "Secret" in the name alone.
#disable-next-line secure-secrets-in-params
param cognitoClientSecretKeyVaultUri string = ''

@description('Cognito__ServiceUrl: Cognito endpoint override. Empty: the region\'s endpoint.')
param cognitoServiceUrl string = ''

@description('Cognito__JwksUri: address of the pool\'s JWKS (output CognitoJwksUri of aws-cognito.yaml). Empty: <issuer>/.well-known/jwks.json.')
param cognitoJwksUri string = ''

@description('Cognito__AttemptTimeout: how long one attempt of a Cognito call may take (hh:mm:ss).')
param cognitoAttemptTimeout string = '00:00:05'

@description('Cognito__TotalTimeout: how long one Cognito call may take with its retries (hh:mm:ss).')
param cognitoTotalTimeout string = '00:00:15'

@description('Cognito__MaxRetryAttempts: retries after a failed attempt; 0 turns retries off.')
@minValue(0)
@maxValue(10)
param cognitoMaxRetryAttempts int = 3

@description('Cognito__RetryBaseDelay: the first retry\'s median delay (hh:mm:ss.fff).')
param cognitoRetryBaseDelay string = '00:00:00.2'

// ---------------------------------------------------------------------------------------------------------------------
// Section Aws (AwsOptions): the credentials that sign Cognito's Admin* operations
// ---------------------------------------------------------------------------------------------------------------------

@description('Aws__CredentialSource: AzureManagedIdentity exchanges the managed identity\'s Entra token for the role\'s credentials; Default uses the AWS SDK\'s chain.')
@allowed([
  'Default'
  'AzureManagedIdentity'
])
param awsCredentialSource string = 'AzureManagedIdentity'

@description('The AWS account (12 digits) that holds the aws-cognito.yaml stack and its role.')
@minLength(12)
@maxLength(12)
param awsAccountId string

@description('Name of the IAM role the app assumes: the FunctionAppRoleName parameter of aws-cognito.yaml.')
param functionAppRoleName string = 'cognito-functions-app'

@description('Aws__RoleArn: the role to assume. Empty: arn:aws:iam::<awsAccountId>:role/<functionAppRoleName> (output AwsRoleArn of aws-cognito.yaml).')
param awsRoleArn string = ''

@description('Aws__WebIdentityAudience: Application ID URI of the Entra application the managed identity gets its token for, e.g. api://cognito-functions-aws (the stack\'s AzureApplicationIdUri).')
param awsWebIdentityAudience string

@description('Aws__RefreshBeforeExpiry: how long before their expiry the temporary credentials are replaced (hh:mm:ss, at most 00:14:00).')
param awsRefreshBeforeExpiry string = '00:05:00'

// ---------------------------------------------------------------------------------------------------------------------
// Section Accounts (AccountOptions)
// ---------------------------------------------------------------------------------------------------------------------

@description('Accounts__GlobalSignOutOnLogout: logout also signs the user out of every device (AdminUserGlobalSignOut).')
param accountsGlobalSignOutOnLogout bool = true

@description('Accounts__UniformResponseTime: the earliest a password-reset answer, a failed login or a failed reset confirmation leaves, so that its timing does not tell whether the email has an account (hh:mm:ss.fff; 0 turns it off).')
param accountsUniformResponseTime string = '00:00:01'

@description('Accounts__PasswordAuthFlow: the Cognito flow a login runs. AdminUserPasswordAuth (the admin API, IAM-signed, with the end user\'s context for threat protection) for Cognito; UserPasswordAuth (the public API; the app client must allow USER_PASSWORD_AUTH) only for cognito-local.')
@allowed(['AdminUserPasswordAuth', 'UserPasswordAuth'])
#disable-next-line secure-secrets-in-params // The name of a Cognito auth flow, not a password.
param accountsPasswordAuthFlow string = 'AdminUserPasswordAuth'

@description('Accounts__MarkEmailVerifiedWithoutProof: sign-up marks the email verified at once, without proof that the user owns it (the original tutorial did); false: the user proves it with an emailed code.')
param accountsMarkEmailVerifiedWithoutProof bool = false

@description('Accounts__UnprovenEmailHoldsFor: how long an account whose email was never proven holds the address against a new sign-up, from its creation (d.hh:mm:ss; 0: not at all); after it a sign-up of the address replaces that account.')
param accountsUnprovenEmailHoldsFor string = '1.00:00:00'

// ---------------------------------------------------------------------------------------------------------------------
// Section Audit (AuditOptions): the audit events
// ---------------------------------------------------------------------------------------------------------------------

@description('Audit__EmailHashKey: the key of the email hash in the audit events (HMAC-SHA256 of the normalized email), a random secret of at least 32 characters; empty: the audit events carry no email at all. Prefer auditEmailHashKeyKeyVaultUri; never give both.')
@secure()
param auditEmailHashKey string = ''

@description('Versioned or versionless URI of a Key Vault secret holding the audit events\' email hash key; the setting becomes a Key Vault reference resolved with the managed identity, which needs the Key Vault Secrets User role on the vault.')
param auditEmailHashKeyKeyVaultUri string = ''

// ---------------------------------------------------------------------------------------------------------------------
// Section CognitoAuth (CognitoAuthOptions): the token-validating middleware
// ---------------------------------------------------------------------------------------------------------------------

@description('CognitoAuth__ClockSkew: tolerance applied to exp and nbf (hh:mm:ss, at most 00:05:00).')
param cognitoAuthClockSkew string = '00:00:30'

@description('CognitoAuth__CacheSize: validated tokens remembered; 0 turns the cache off.')
@minValue(0)
@maxValue(1000000)
param cognitoAuthCacheSize int = 10000

@description('CognitoAuth__PenaltyWindow: after a JWKS fetch, how long an unknown kid is rejected from memory (hh:mm:ss, 00:00:01 to 01:00:00).')
param cognitoAuthPenaltyWindow string = '00:00:10'

@description('CognitoAuth__JwksRefreshInterval: how often each pool\'s JWKS is fetched again (hh:mm:ss, 00:01:00 to 1.00:00:00).')
param cognitoAuthJwksRefreshInterval string = '00:15:00'

@description('CognitoAuth__JwksFetchTimeout: upper bound on one JWKS fetch including its retry (hh:mm:ss, 00:00:01 to 00:01:00).')
param cognitoAuthJwksFetchTimeout string = '00:00:05'

@description('CognitoAuth__RevocationCheckInterval: on revocation-checked functions, how long Cognito\'s "not revoked" is remembered per access token, the bound on how late a sign-out is seen (hh:mm:ss, 00:00:01 to 00:05:00).')
param cognitoAuthRevocationCheckInterval string = '00:00:30'

@description('CognitoAuth__RevocationCheckTimeout: upper bound on one revocation check (Cognito GetUser); past it the request gets 503 (hh:mm:ss, 00:00:01 to 00:00:30).')
param cognitoAuthRevocationCheckTimeout string = '00:00:03'

@description('CognitoAuth__RequireHttpsJwks: every JWKS address must be https (false is refused outside Development).')
param cognitoAuthRequireHttpsJwks bool = true

@description('CognitoAuth__Realm: the realm of the WWW-Authenticate: Bearer challenge.')
param cognitoAuthRealm string = 'cognito'

@description('Telemetry__Console: the worker also writes its spans, metrics and logs to its standard output (for local runs; in Azure nobody reads it).')
param telemetryConsole bool = false

@description('OTEL_EXPORTER_OTLP_ENDPOINT: an OTLP collector the host and the worker export to as well as Application Insights, e.g. https://collector.example.com:4318; empty: none.')
param otelExporterOtlpEndpoint string = ''

@description('OTEL_EXPORTER_OTLP_PROTOCOL: grpc or http/protobuf, the protocol of otelExporterOtlpEndpoint.')
@allowed([
  'grpc'
  'http/protobuf'
])
param otelExporterOtlpProtocol string = 'http/protobuf'

@description('A user pool whose tokens the middleware accepts.')
type trustedPool = {
  @description('AWS region of the pool, e.g. us-east-1.')
  region: string

  @description('The pool id, e.g. us-east-1_AbCdEf123.')
  userPoolId: string

  @description('The app clients whose tokens are accepted (at least one).')
  clientIds: string[]

  @description('Address of the pool\'s JWKS. Omitted: <issuer>/.well-known/jwks.json.')
  jwksUri: string?

  @description('Address of the pool\'s Cognito API, asked by revocation-checked functions. Omitted: https://cognito-idp.<region>.amazonaws.com/.')
  serviceUrl: string?
}

@description('CognitoAuth__TrustedPools__<i>__Region, __UserPoolId, __ClientIds__<j>, __JwksUri, __ServiceUrl: the pools whose tokens are accepted. Empty: the app\'s own pool (section Cognito) alone.')
param cognitoAuthTrustedPools trustedPool[] = []

// ---------------------------------------------------------------------------------------------------------------------
// Names and derived values
// ---------------------------------------------------------------------------------------------------------------------

var suffix = uniqueString(resourceGroup().id, appName)
var functionAppName = '${appName}-${suffix}'
// 3 to 24 lowercase letters and digits: the hyphens of appName are dropped.
var storageAccountName = 'st${take(replace(appName, '-', ''), 9)}${suffix}'
var deploymentContainerName = 'deployment-package'

var roleArn = empty(awsRoleArn) ? 'arn:aws:iam::${awsAccountId}:role/${functionAppRoleName}' : awsRoleArn

// A client secret is a secure parameter or a Key Vault reference, never both, and never a plain setting.
var clientSecretSetting = empty(cognitoClientSecretKeyVaultUri)
  ? cognitoClientSecret
  : empty(cognitoClientSecret)
      ? '@Microsoft.KeyVault(SecretUri=${cognitoClientSecretKeyVaultUri})'
      : fail('Give cognitoClientSecret or cognitoClientSecretKeyVaultUri, not both.')

var auditEmailHashKeySetting = empty(auditEmailHashKeyKeyVaultUri)
  ? auditEmailHashKey
  : empty(auditEmailHashKey)
      ? '@Microsoft.KeyVault(SecretUri=${auditEmailHashKeyKeyVaultUri})'
      : fail('Give auditEmailHashKey or auditEmailHashKeyKeyVaultUri, not both.')

// Built-in role definitions (their ids are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Each trusted pool as the flat settings the configuration binder reads back into CognitoAuthOptions.TrustedPools.
func trustedPoolSettings(index int, pool trustedPool) object =>
  union(
    {
      'CognitoAuth__TrustedPools__${index}__Region': pool.region
      'CognitoAuth__TrustedPools__${index}__UserPoolId': pool.userPoolId
    },
    toObject(
      range(0, length(pool.clientIds)),
      client => 'CognitoAuth__TrustedPools__${index}__ClientIds__${client}',
      client => pool.clientIds[client]
    ),
    empty(pool.?jwksUri ?? '') ? {} : { 'CognitoAuth__TrustedPools__${index}__JwksUri': pool.jwksUri! },
    empty(pool.?serviceUrl ?? '') ? {} : { 'CognitoAuth__TrustedPools__${index}__ServiceUrl': pool.serviceUrl! }
  )

var trustedPoolsSettings = reduce(
  map(range(0, length(cognitoAuthTrustedPools)), index => trustedPoolSettings(index, cognitoAuthTrustedPools[index])),
  {},
  (all, pool) => union(all, pool)
)

// ---------------------------------------------------------------------------------------------------------------------
// Identity, storage, monitoring
// ---------------------------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${appName}'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // Entra ID only: the host, the deployment and anyone else reach it with an identity and a role.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
    name: guid(storage.id, identity.id, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is accepted only with an Entra token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING below).
    DisableLocalAuth: true
  }
}

// The operators' dashboard over the Application Insights data (dashboards/workbook.json, its queries in KQL).
resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, appName, 'cognito-functions-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: 'Cognito Functions (${appName})'
    category: 'workbook'
    sourceId: appInsights.id
    serializedData: loadTextContent('dashboards/workbook.json')
  }
}

resource monitoringRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The Function App
// ---------------------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${appName}'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (the client secret's) resolve with the user-assigned identity: the site has no other.
    keyVaultReferenceIdentity: identity.id
    // Flex Consumption takes no FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, linuxFxVersion or ftpsState:
    // the runtime is declared here, and the plan offers no FTP at all (basic publishing credentials are off below too).
    functionAppConfig: {
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 100
        instanceMemoryMB: 2048
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: corsSupportCredentials
      }
    }
  }
  dependsOn: [
    storageRoles
    monitoringRole
  ]

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union(
      {
        // The host's storage, reached with the user-assigned identity (no connection string, no key).
        AzureWebJobsStorage__accountName: storage.name
        AzureWebJobsStorage__credential: 'managedidentity'
        AzureWebJobsStorage__clientId: identity.properties.clientId
        APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
        // host.json's telemetryMode OpenTelemetry: the host and the worker export with OpenTelemetry, to Application
        // Insights above and, when one is given, to an OTLP collector; the service name is the app's.
        OTEL_SERVICE_NAME: appName
        OTEL_EXPORTER_OTLP_ENDPOINT: otelExporterOtlpEndpoint
        OTEL_EXPORTER_OTLP_PROTOCOL: otelExporterOtlpProtocol

        Cognito__Region: cognitoRegion
        Cognito__UserPoolId: cognitoUserPoolId
        Cognito__ClientId: cognitoClientId
        Cognito__ClientSecret: clientSecretSetting
        Cognito__ServiceUrl: cognitoServiceUrl
        Cognito__JwksUri: cognitoJwksUri
        Cognito__AttemptTimeout: cognitoAttemptTimeout
        Cognito__TotalTimeout: cognitoTotalTimeout
        Cognito__MaxRetryAttempts: string(cognitoMaxRetryAttempts)
        Cognito__RetryBaseDelay: cognitoRetryBaseDelay

        Aws__CredentialSource: awsCredentialSource
        Aws__RoleArn: roleArn
        Aws__WebIdentityAudience: awsWebIdentityAudience
        Aws__ManagedIdentityClientId: identity.properties.clientId
        Aws__RefreshBeforeExpiry: awsRefreshBeforeExpiry

        Accounts__GlobalSignOutOnLogout: string(accountsGlobalSignOutOnLogout)
        Accounts__UniformResponseTime: accountsUniformResponseTime
        Accounts__PasswordAuthFlow: accountsPasswordAuthFlow
        Accounts__MarkEmailVerifiedWithoutProof: string(accountsMarkEmailVerifiedWithoutProof)
        Accounts__UnprovenEmailHoldsFor: accountsUnprovenEmailHoldsFor

        Audit__EmailHashKey: auditEmailHashKeySetting

        CognitoAuth__ClockSkew: cognitoAuthClockSkew
        CognitoAuth__CacheSize: string(cognitoAuthCacheSize)
        CognitoAuth__PenaltyWindow: cognitoAuthPenaltyWindow
        CognitoAuth__JwksRefreshInterval: cognitoAuthJwksRefreshInterval
        CognitoAuth__JwksFetchTimeout: cognitoAuthJwksFetchTimeout
        CognitoAuth__RevocationCheckInterval: cognitoAuthRevocationCheckInterval
        CognitoAuth__RevocationCheckTimeout: cognitoAuthRevocationCheckTimeout
        CognitoAuth__RequireHttpsJwks: string(cognitoAuthRequireHttpsJwks)
        CognitoAuth__Realm: cognitoAuthRealm

        Telemetry__Console: string(telemetryConsole)
      },
      trustedPoolsSettings
    )
  }
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Outputs: what aws-cognito.yaml's federation parameters and the publish step need
// ---------------------------------------------------------------------------------------------------------------------

@description('Name of the Function App (for az functionapp and func azure functionapp publish).')
output functionAppName string = site.name

@description('Base address of the API.')
output functionAppUrl string = 'https://${site.properties.defaultHostName}'

@description('Object (principal) id of the managed identity: aws-cognito.yaml parameter AzureManagedIdentityPrincipalId.')
output managedIdentityPrincipalId string = identity.properties.principalId

@description('Client id of the managed identity (Aws__ManagedIdentityClientId, AzureWebJobsStorage__clientId).')
output managedIdentityClientId string = identity.properties.clientId

@description('Entra tenant of the managed identity: aws-cognito.yaml parameter AzureTenantId.')
output tenantId string = identity.properties.tenantId
