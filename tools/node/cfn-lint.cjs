#!/usr/bin/env node
// Validates a CloudFormation template with cfn-lint (1.9.7) using the resource specification of
// @aws-cdk/cfnspec instead of cfn-lint's own, which predates properties the template uses.
// Usage: node cfn-lint.cjs <template> [Name=Value ...]
// Prints one JSON object { valid, crit: [...], warn: [...] } and exits 0 only when the template is
// valid and has no warnings.
'use strict';

const path = require('node:path');
const awsData = require('cfn-lint/lib/awsData');
const validator = require('cfn-lint/lib/validator');
const specification = require('@aws-cdk/cfnspec/spec/specification.json');

const [templatePath, ...parameterArgs] = process.argv.slice(2);
if (!templatePath) {
  process.stderr.write('usage: node cfn-lint.cjs <template> [Name=Value ...]\n');
  process.exit(2);
}

// Replace the linter's stale resource data in place: its modules hold references to this object.
awsData.awsResources.ResourceTypes = specification.ResourceTypes;
awsData.awsResources.PropertyTypes = specification.PropertyTypes;
awsData.awsResources.ResourceSpecificationVersion = specification.ResourceSpecificationVersion;

for (const arg of parameterArgs) {
  const at = arg.indexOf('=');
  if (at <= 0) {
    process.stderr.write(`parameter "${arg}" is not Name=Value\n`);
    process.exit(2);
  }
  validator.addParameterValue(arg.slice(0, at), arg.slice(at + 1));
}

const result = validator.validateFile(path.resolve(templatePath), { guessParameters: undefined });
const simplify = (e) => ({ resource: e.resource, message: e.message });
const report = {
  specification: specification.ResourceSpecificationVersion,
  valid: result.templateValid,
  crit: result.errors.crit.map(simplify),
  warn: result.errors.warn.map(simplify),
};
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
process.exit(report.valid && report.warn.length === 0 ? 0 : 1);
