#!/usr/bin/env node
// Prints a CloudFormation YAML template as JSON, parsed by yaml-cfn (short-form tags to their long form):
// an independent parser to check the tests' own template reader against.
'use strict';

const fs = require('node:fs');
const { yamlParse } = require('yaml-cfn');

const [templatePath] = process.argv.slice(2);
if (!templatePath) {
  process.stderr.write('usage: node cfn-yaml-to-json.cjs <template>\n');
  process.exit(2);
}
process.stdout.write(JSON.stringify(yamlParse(fs.readFileSync(templatePath, 'utf8'))) + '\n');
