#!/usr/bin/env node
// Performs the README's walkthrough and checks that every command prints what the README shows, so the
// README cannot drift from the app.
//
//   node tools/node/readme-walkthrough.cjs README.md [--base-url http://127.0.0.1:PORT] [--write]
//
// In the README, a walkthrough step is a fenced block whose info string is `bash walkthrough`. The fenced
// block right after it (blank lines between are fine) tagged `output` (e.g. ```json output) holds what the step
// prints; a step with no output block must print nothing. All steps run in order in ONE bash process (variables
// carry over), in the README's folder (the repository's root, where a reader runs them: a step may call the
// repository's scripts), with stderr merged into stdout so errors show in the comparison.
// `--base-url` replaces the README's address (http://127.0.0.1:7071) in the commands. `--write` puts the actual
// outputs into the README's output blocks instead of comparing: for a maintainer, after reading the diff.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const README_ADDRESS = 'http://127.0.0.1:7071';
const TIMEOUT_MS = 120_000;

class WalkthroughError extends Error {}

/** The walkthrough steps of a markdown text: [{ line, command, output: { start, end, text } | null }]. */
function extractSteps(markdown) {
  const lines = markdown.split('\n');
  const fences = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && l.startsWith(open[1]) && l.slice(open[1].length).trim() === '');
    if (close < 0) throw new WalkthroughError(`line ${i + 1}: a fenced block is never closed`);
    fences.push({ open: i, close, tags: open[2].trim().split(/\s+/).filter(Boolean), body: lines.slice(i + 1, close).join('\n') });
    i = close;
  }

  const steps = [];
  fences.forEach((fence, k) => {
    const isStep = fence.tags[0] === 'bash' && fence.tags.includes('walkthrough');
    const isOutput = fence.tags.includes('output');
    const previous = fences[k - 1];
    const adjacent = previous && lines.slice(previous.close + 1, fence.open).every((l) => l.trim() === '');
    if (isOutput && !(adjacent && previous.tags[0] === 'bash' && previous.tags.includes('walkthrough'))) {
      throw new WalkthroughError(`line ${fence.open + 1}: an output block must follow a \`bash walkthrough\` block directly`);
    }
    if (isStep) {
      const next = fences[k + 1];
      const hasOutput = next && next.tags.includes('output');
      steps.push({
        line: fence.open + 1,
        command: fence.body,
        output: hasOutput ? { start: next.open + 1, end: next.close, text: next.body } : null,
      });
    }
  });
  return steps;
}

/** Runs the steps in one bash process in <cwd>; returns each step's output (stdout and stderr together). */
function runSteps(steps, baseUrl, cwd) {
  const marker = (i) => `\u001eWALKTHROUGH-STEP-${i}\u001e`;
  const script = ['exec 2>&1', 'set -uo pipefail']
    .concat(steps.flatMap((step, i) => [`printf '\\n%s\\n' '${marker(i)}'`, step.command.split(README_ADDRESS).join(baseUrl)]))
    .concat([`printf '\\n%s\\n' '${marker(steps.length)}'`])
    .join('\n');
  {
    const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], { cwd, encoding: 'utf8', timeout: TIMEOUT_MS });
    if (result.error) throw new WalkthroughError(`bash failed: ${result.error.message}`);
    const outputs = [];
    let rest = result.stdout;
    const begin = rest.indexOf(`\n${marker(0)}\n`);
    rest = begin < 0 ? null : rest.slice(begin + marker(0).length + 2);
    for (let i = 1; i <= steps.length; i++) {
      const at = rest === null ? -1 : rest.indexOf(`\n${marker(i)}\n`);
      if (at >= 0) {
        outputs.push(rest.slice(0, at));
        rest = rest.slice(at + marker(i).length + 2);
      } else {
        // The shell ended inside this step (exit, set -u, timeout): show what it printed; later steps never ran.
        const how = result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
        outputs.push(rest === null ? null : `${rest}\n(the shell ended here: ${how})`);
        rest = null;
      }
    }
    return outputs;
  }
}

/** Trailing spaces and trailing blank lines do not count; everything else does. */
function normalize(text) {
  return text.split('\n').map((l) => l.trimEnd()).join('\n').replace(/\n+$/, '');
}

function firstLine(command) {
  const line = command.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  return line.replace(/\s*\\$/, '');
}

function check(readmePath, baseUrl, write, log = console.log) {
  const markdown = fs.readFileSync(readmePath, 'utf8');
  const steps = extractSteps(markdown);
  if (steps.length === 0) throw new WalkthroughError(`${readmePath} has no \`bash walkthrough\` blocks`);
  const outputs = runSteps(steps, baseUrl, path.dirname(path.resolve(readmePath)));

  if (write) {
    const lines = markdown.split('\n');
    // From the last step back, so earlier line numbers stay valid.
    for (let i = steps.length - 1; i >= 0; i--) {
      const actual = normalize(outputs[i] ?? '');
      if (steps[i].output) lines.splice(steps[i].output.start, steps[i].output.end - steps[i].output.start, ...(actual ? actual.split('\n') : []));
      else if (actual) log(`step at line ${steps[i].line} printed output but has no output block: add one by hand`);
    }
    fs.writeFileSync(readmePath, lines.join('\n'));
    log(`wrote the outputs of ${steps.length} steps into ${readmePath}`);
    return 0;
  }

  let failed = 0;
  steps.forEach((step, i) => {
    const expected = normalize(step.output?.text ?? '');
    const actual = outputs[i] === null ? null : normalize(outputs[i]);
    if (actual === expected) {
      log(`ok ${i + 1} - ${firstLine(step.command)}`);
      return;
    }
    failed++;
    log(`not ok ${i + 1} - ${firstLine(step.command)}  (README line ${step.line})`);
    log(`  --- README shows ---\n${indent(expected || '(nothing)')}\n  --- the app printed ---\n${indent(actual ?? '(the shell stopped before this step)')}`);
  });
  log(`walkthrough: ${steps.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function indent(text) {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

function main(argv) {
  const args = argv.slice(2);
  const readme = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--base-url');
  const baseAt = args.indexOf('--base-url');
  const baseUrl = baseAt >= 0 ? args[baseAt + 1] : README_ADDRESS;
  if (!readme || (baseAt >= 0 && !/^https?:\/\/[^/]+$/.test(baseUrl ?? ''))) {
    console.error('usage: readme-walkthrough.cjs README.md [--base-url http://HOST:PORT] [--write]');
    return 2;
  }
  try {
    return check(readme, baseUrl, args.includes('--write'));
  } catch (err) {
    if (!(err instanceof WalkthroughError)) throw err;
    console.error(`readme-walkthrough: ${err.message}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv);

module.exports = { extractSteps, runSteps, normalize, check, README_ADDRESS, WalkthroughError };
