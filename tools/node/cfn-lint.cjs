#!/usr/bin/env node
// Validates a CloudFormation template with cfn-lint (1.9.7) using the resource specification of
// @aws-cdk/cfnspec instead of cfn-lint's own, which predates properties the template uses.
// Usage: node cfn-lint.cjs <template> [Name=Value ...]
// Prints one JSON object { valid, crit: [...], warn: [...] } and exits 0 only when the template is
// valid and has no warnings.
'use strict';

const path = require('node:path');
const awsData = require('cfn-lint/lib/awsData');
const parser = require('cfn-lint/lib/parser');
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

// Properties CloudFormation gained after this specification was published, with the type AWS documents for them.
const laterProperties = {
  'AWS::Cognito::UserPool': {
    // The feature plan: LITE, ESSENTIALS or PLUS.
    UserPoolTier: { PrimitiveType: 'String', Required: false, UpdateType: 'Mutable' },
  },
};
for (const [type, properties] of Object.entries(laterProperties)) {
  for (const [name, definition] of Object.entries(properties)) {
    if (!specification.ResourceTypes[type].Properties[name]) {
      specification.ResourceTypes[type].Properties[name] = definition;
    }
  }
}

// The linter predates the Rules section (it flags every function in it): check the rules here, then lint the rest.
const ruleFunctions = new Set(['Fn::And', 'Fn::Contains', 'Fn::EachMemberEquals', 'Fn::EachMemberIn', 'Fn::Equals',
  'Fn::Not', 'Fn::Or', 'Fn::RefAll', 'Fn::ValueOf', 'Fn::ValueOfAll', 'Ref']);
function checkRules(template) {
  const errors = [];
  const parameters = template.Parameters || {};
  const visit = (node, where) => {
    if (Array.isArray(node)) {
      node.forEach((item) => visit(item, where));
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key.startsWith('Fn::') || key === 'Ref') && !ruleFunctions.has(key)) {
          errors.push({ resource: where, message: `Function ${key} is not allowed in a rule` });
        }
        if (key === 'Ref' && !Object.prototype.hasOwnProperty.call(parameters, value)) {
          errors.push({ resource: where, message: `Rule references ${value}, which is not a parameter` });
        }
        visit(value, where);
      }
    }
  };
  for (const [name, rule] of Object.entries(template.Rules || {})) {
    const where = `Rules > ${name}`;
    const unknown = Object.keys(rule || {}).filter((key) => key !== 'RuleCondition' && key !== 'Assertions');
    if (unknown.length > 0) {
      errors.push({ resource: where, message: `Rule has unknown keys ${unknown.join(', ')}` });
    }
    if (!Array.isArray(rule && rule.Assertions) || rule.Assertions.length === 0) {
      errors.push({ resource: where, message: 'Rule has no Assertions list' });
    } else {
      for (const assertion of rule.Assertions) {
        if (!assertion || !assertion.Assert || typeof assertion.AssertDescription !== 'string') {
          errors.push({ resource: where, message: 'Every assertion needs Assert and AssertDescription' });
        }
      }
    }
    visit(rule, where);
  }
  return errors;
}

for (const arg of parameterArgs) {
  const at = arg.indexOf('=');
  if (at <= 0) {
    process.stderr.write(`parameter "${arg}" is not Name=Value\n`);
    process.exit(2);
  }
  validator.addParameterValue(arg.slice(0, at), arg.slice(at + 1));
}

const template = parser.openFile(path.resolve(templatePath));
const ruleErrors = checkRules(template);
delete template.Rules;
const result = validator.validateJsonObject(template, { guessParameters: undefined });
const simplify = (e) => ({ resource: e.resource, message: e.message });
const report = {
  specification: specification.ResourceSpecificationVersion,
  valid: result.templateValid && ruleErrors.length === 0,
  crit: [...ruleErrors, ...result.errors.crit.map(simplify)],
  warn: result.errors.warn.map(simplify),
};
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
process.exit(report.valid && report.warn.length === 0 ? 0 : 1);
