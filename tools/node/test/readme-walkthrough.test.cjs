'use strict';
// The README walkthrough checker must catch drift: these tests feed it small READMEs whose commands are plain
// shell (no app needed) and check both that matching outputs pass and that every kind of difference fails.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { extractSteps, check, WalkthroughError } = require('../readme-walkthrough.cjs');

const fence = '```';

function readme(...parts) {
  return parts.join('\n');
}

function step(command) {
  return `${fence}bash walkthrough\n${command}\n${fence}\n`;
}

function output(text, language = 'text') {
  return `${fence}${language} output\n${text}\n${fence}\n`;
}

function run(markdown, { baseUrl = 'http://127.0.0.1:7071', write = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walkthrough-test-'));
  const file = path.join(dir, 'README.md');
  fs.writeFileSync(file, markdown);
  const lines = [];
  try {
    const status = check(file, baseUrl, write, (line) => lines.push(line));
    return { status, log: lines.join('\n'), written: fs.readFileSync(file, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('steps are the bash walkthrough blocks, each with the output block right after it', () => {
  const steps = extractSteps(readme(
    `${fence}bash\necho not a step\n${fence}`,
    step('X=1'),
    'Some prose.',
    step('echo "$X"'),
    '',
    output('1'),
    `${fence}json\n{"also": "not a step"}\n${fence}`,
  ));
  assert.equal(steps.length, 2);
  assert.deepEqual(steps.map((s) => s.command), ['X=1', 'echo "$X"']);
  assert.equal(steps[0].output, null);
  assert.equal(steps[1].output.text, '1');
});

test('a longer fence may hold triple backticks', () => {
  const steps = extractSteps(readme('````bash walkthrough', 'echo "```"', '````', '````text output', '```', '````'));
  assert.equal(steps.length, 1);
  assert.equal(steps[0].command, 'echo "```"');
  assert.equal(steps[0].output.text, '```');
});

test('an output block that does not follow a step directly is an error', () => {
  assert.throws(() => extractSteps(readme(step('echo 1'), 'prose in between', output('1'))), WalkthroughError);
  assert.throws(() => extractSteps(output('1')), WalkthroughError);
});

test('an unclosed fence is an error', () => {
  assert.throws(() => extractSteps(`${fence}bash walkthrough\necho 1\n`), WalkthroughError);
});

test('matching outputs pass, and variables carry from one step to the next', () => {
  const result = run(readme(step('GREETING=hello'), step('echo "$GREETING"; echo \'{"a": 1}\''), output('hello\n{"a": 1}')));
  assert.equal(result.status, 0, result.log);
  assert.match(result.log, /walkthrough: 2 passed, 0 failed/);
});

test('a different output fails, showing both', () => {
  const result = run(readme(step('echo 401'), output('200')));
  assert.equal(result.status, 1);
  assert.match(result.log, /not ok 1 - echo 401/);
  assert.match(result.log, /README shows ---\n {4}200\n.*the app printed ---\n {4}401/s);
});

test('a step without an output block must print nothing', () => {
  const result = run(readme(step('echo surprise')));
  assert.equal(result.status, 1);
  assert.match(result.log, /surprise/);
});

test('errors count: stderr is part of the output', () => {
  const result = run(readme(step('echo ok; echo oops >&2'), output('ok')));
  assert.equal(result.status, 1);
  assert.match(result.log, /oops/);
});

test('an unset variable stops the walkthrough, and later steps are reported as not run', () => {
  const result = run(readme(step('echo "$NOT_SET_ANYWHERE"'), output(''), step('echo later'), output('later')));
  assert.equal(result.status, 1);
  assert.match(result.log, /the shell ended here: exit code 1/);
  assert.match(result.log, /not ok 2 - echo later[^\n]*\n.*the shell stopped before this step/s);
});

test('the README address in commands is replaced by the base URL', () => {
  const result = run(readme(step('echo http://127.0.0.1:7071/api/user'), output('http://127.0.0.1:40123/api/user')), { baseUrl: 'http://127.0.0.1:40123' });
  assert.equal(result.status, 0, result.log);
});

test('trailing spaces and blank lines do not count; inner whitespace does', () => {
  assert.equal(run(readme(step('printf "a  \\n\\n\\n"'), output('a'))).status, 0);
  assert.equal(run(readme(step('echo "a  b"'), output('a b'))).status, 1);
});

test('--write puts the actual outputs into the output blocks', () => {
  const result = run(readme(step('echo new'), output('old', 'json'), 'after'), { write: true });
  assert.equal(result.status, 0);
  assert.equal(result.written, readme(step('echo new'), output('new', 'json'), 'after'));
});
