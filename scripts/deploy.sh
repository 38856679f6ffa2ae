#!/usr/bin/env bash
# Deploys both clouds in the order that has no cycle: the Azure side first (azure-functionapp.bicep:
# the user-assigned identity and the Function App), then the CloudFormation stack (aws-cognito.yaml) trusting that
# identity, then the Bicep deployment again with the stack's outputs as the app's settings, then the app's code.
# Needs az (logged in, with Bicep), aws (credentials for the account), dotnet, zip and curl.
# --dry-run prints every command, in order, and runs none of them (values that earlier steps would return are shown
# as <placeholders>). The README's "Deploying" section shows a dry run; a test keeps the two equal.
# Running it again is safe: an unchanged stack is not an error (--no-fail-on-empty-changeset), the Bicep deployments
# are idempotent, and the code is published each time. The closing health check waits through the app's cold start
# (curl retries every health_pause seconds, whatever the error, for at most health_wait seconds) and fails if the app
# is still not ready then.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() {
  cat <<'EOF'
usage: bash scripts/deploy.sh --resource-group RG --location AZURE_REGION --app-name NAME
         --aws-account-id ID --aws-region AWS_REGION --application-id-uri URI
         [--stack-name NAME] [--role-name NAME] [--cors-origin ORIGIN]... [--parameter NAME=VALUE]...
         [--stack-parameter NAME=VALUE]... [--dry-run]

  --resource-group      Azure resource group (created if missing)
  --location            Azure region of the resource group and the app, e.g. westeurope
  --app-name            base name of the Azure resources (the Function App's name starts with it)
  --aws-account-id      the 12-digit AWS account of the user pool
  --aws-region          the AWS region of the user pool, e.g. eu-west-1
  --application-id-uri  ID URI of the Entra application whose tokens the app's identity requests, e.g.
                        api://cognito-functions-aws (create it once per tenant: see the README)
  --stack-name          CloudFormation stack name (default cognito-functions)
  --role-name           IAM role the app assumes (default cognito-functions-app; both templates use it)
  --cors-origin         a browser origin allowed to call the API; repeat for several (default: none)
  --parameter           another parameter of azure-functionapp.bicep for both Azure deployments, e.g.
                        cognitoClientSecretKeyVaultUri=https://<vault>.vault.azure.net/secrets/<name> or
                        cognitoAuthClockSkew=00:01:00; repeat for several
  --stack-parameter     another parameter of aws-cognito.yaml, e.g. MfaConfiguration=ON, MfaEmailOtp=true (with
                        SesIdentityArn=...) or ThreatProtection=AUDIT; repeat for several
  --dry-run             print the commands in order and run nothing
EOF
}

fail_usage() {
  echo "deploy: $1" >&2
  usage >&2
  exit 2
}

resource_group='' location='' app_name='' aws_account_id='' aws_region='' application_id_uri=''
stack_name=cognito-functions role_name=cognito-functions-app dry_run=false
cors_origins=() extra_parameters=() stack_parameters=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=true; shift; continue ;;
    -h|--help) usage; exit 0 ;;
    --resource-group|--location|--app-name|--aws-account-id|--aws-region|--application-id-uri|--stack-name|--role-name|--cors-origin|--parameter|--stack-parameter)
      [ $# -ge 2 ] && [ -n "$2" ] || fail_usage "$1 needs a value" ;;
    *) fail_usage "unknown argument: $1" ;;
  esac
  case "$1" in
    --resource-group) resource_group=$2 ;;
    --location) location=$2 ;;
    --app-name) app_name=$2 ;;
    --aws-account-id) aws_account_id=$2 ;;
    --aws-region) aws_region=$2 ;;
    --application-id-uri) application_id_uri=$2 ;;
    --stack-name) stack_name=$2 ;;
    --role-name) role_name=$2 ;;
    --cors-origin) cors_origins+=("$2") ;;
    --parameter) extra_parameters+=("$2") ;;
    --stack-parameter) stack_parameters+=("$2") ;;
  esac
  shift 2
done

for required in resource_group location app_name aws_account_id aws_region application_id_uri; do
  [ -n "${!required}" ] || fail_usage "--${required//_/-} is required"
done
[[ "$app_name" =~ ^[a-z0-9-]{2,18}$ ]] || fail_usage "--app-name must be 2 to 18 lowercase letters, digits or hyphens"
[[ "$aws_account_id" =~ ^[0-9]{12}$ ]] || fail_usage "--aws-account-id must be 12 digits"
[[ "$role_name" =~ ^[A-Za-z0-9_+=,.@-]{1,64}$ ]] || fail_usage "--role-name is not a valid IAM role name"
for parameter in "${extra_parameters[@]}"; do
  [[ "$parameter" =~ ^[a-z][A-Za-z0-9]*=.+ ]] || fail_usage "--parameter must be NAME=VALUE with a parameter name of azure-functionapp.bicep: $parameter"
  # This script prints every command it runs: a secret given here would land in its output and the shell's history.
  [[ "$parameter" != cognitoClientSecret=* ]] || fail_usage "--parameter cognitoClientSecret is refused: put the secret in Key Vault and pass cognitoClientSecretKeyVaultUri"
  [[ "$parameter" != auditEmailHashKey=* ]] || fail_usage "--parameter auditEmailHashKey is refused: put the key in Key Vault and pass auditEmailHashKeyKeyVaultUri"
done
for parameter in "${stack_parameters[@]}"; do
  [[ "$parameter" =~ ^[A-Z][A-Za-z0-9]*= ]] || fail_usage "--stack-parameter must be NAME=VALUE with a parameter name of aws-cognito.yaml: $parameter"
  case "${parameter%%=*}" in
    AzureTenantId|AzureApplicationIdUri|AzureManagedIdentityPrincipalId|FunctionAppRoleName)
      fail_usage "--stack-parameter ${parameter%%=*} is refused: the script sets it (from the Azure deployment, --application-id-uri or --role-name)" ;;
  esac
done
for origin in "${cors_origins[@]}"; do
  [[ "$origin" =~ ^https?://[^/\"\ ]+$ ]] || fail_usage "--cors-origin must be a scheme and host without a path, e.g. https://app.example.com: $origin"
done

# Prints a command the way a shell reads it back: plain words as they are, anything else in single quotes.
show() {
  local out='' word
  for word in "$@"; do
    if [[ "$word" =~ ^[A-Za-z0-9_./:=@,+%-]+$ ]]; then
      out+="$word "
    elif [[ "$word" == *\'* && "$word" != *[\"\$\`\\!]* ]]; then
      out+="\"$word\" "
    else
      out+="'${word//\'/\'\\\'\'}' "
    fi
  done
  echo "${out% }"
}

run() {
  show "$@"
  [ "$dry_run" = true ] || "$@"
}

# capture VAR PLACEHOLDER COMMAND...: VAR gets the command's output, or the placeholder in a dry run.
capture() {
  local var=$1 placeholder=$2
  shift 2
  show "$@"
  if [ "$dry_run" = true ]; then
    printf -v "$var" '%s' "$placeholder"
  else
    printf -v "$var" '%s' "$("$@")"
    [ -n "${!var}" ] || { echo "deploy: the command above returned nothing" >&2; exit 1; }
  fi
}

step() {
  echo
  echo "# $1"
}

cors_json='['
for origin in "${cors_origins[@]}"; do
  cors_json+="\"$origin\","
done
cors_json="${cors_json%,}]"

deployment=cognito-functions-azure
health_wait=300      # seconds the closing health check keeps retrying (a cold start on Flex Consumption takes some)
health_pause=5       # seconds between two health requests
health_attempt=30    # seconds one health request may take
azure_parameters=(
  "appName=$app_name"
  "awsAccountId=$aws_account_id"
  "functionAppRoleName=$role_name"
  "awsWebIdentityAudience=$application_id_uri"
  "cognitoRegion=$aws_region"
  "corsAllowedOrigins=$cors_json"
  "${extra_parameters[@]}"
)
output() {
  capture "$1" "<$2>" az deployment group show --resource-group "$resource_group" --name "$deployment" \
    --query "properties.outputs.$2.value" --output tsv
}
stack_output() {
  capture "$1" "<$2>" aws cloudformation describe-stacks --region "$aws_region" --stack-name "$stack_name" \
    --query "Stacks[0].Outputs[?OutputKey=='$2'].OutputValue" --output text
}

[ "$dry_run" = false ] || echo "# dry run: nothing below is run"

step "1. Azure: the managed identity and the Function App (its Cognito settings come in step 3)"
run az group create --name "$resource_group" --location "$location"
run az deployment group create --resource-group "$resource_group" --name "$deployment" \
  --template-file azure-functionapp.bicep --parameters "${azure_parameters[@]}" --output none
output principal_id managedIdentityPrincipalId
output tenant_id tenantId
output function_app_name functionAppName
output function_app_url functionAppUrl

step "2. AWS: the user pool, its client and the role the identity assumes"
run aws cloudformation deploy --region "$aws_region" --template-file aws-cognito.yaml --stack-name "$stack_name" \
  --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset --parameter-overrides "AzureTenantId=$tenant_id" \
  "AzureApplicationIdUri=$application_id_uri" "AzureManagedIdentityPrincipalId=$principal_id" \
  "FunctionAppRoleName=$role_name" "${stack_parameters[@]}"
stack_output user_pool_id CognitoUserPoolId
stack_output client_id CognitoClientId

step "3. Azure again: the app's settings from the stack's outputs"
run az deployment group create --resource-group "$resource_group" --name "$deployment" \
  --template-file azure-functionapp.bicep --parameters "${azure_parameters[@]}" \
  "cognitoUserPoolId=$user_pool_id" "cognitoClientId=$client_id" --output none

step "4. The app's code"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
publish_dir=$work/publish
zip_file=$work/app.zip
if [ "$dry_run" = true ]; then
  publish_dir='<publish folder>'
  zip_file='<app.zip>'
fi
run dotnet publish src/CognitoFunctions --configuration Release --output "$publish_dir"
echo "(cd $(show "$publish_dir") && $(show zip -qr "$zip_file" .))"
[ "$dry_run" = true ] || (cd "$publish_dir" && zip -qr "$zip_file" .)
run az functionapp deployment source config-zip --resource-group "$resource_group" --name "$function_app_name" \
  --src "$zip_file"

step "5. Check: ready when it can reach Cognito's keys and API (retried through the cold start, ${health_wait} s at most)"
run curl --fail --silent --show-error --retry "$((health_wait / health_pause))" --retry-delay "$health_pause" \
  --retry-all-errors --retry-max-time "$health_wait" --max-time "$health_attempt" "$function_app_url/api/health"
