#!/usr/bin/env node
// Signs one HTTP request with two independent SigV4 implementations, @smithy/signature-v4 (the AWS
// JavaScript SDK's signer) and aws4, so tests can compare the app's own signing with them.
//
// Input (JSON, as the first argument or on stdin):
//   { "method": "POST", "url": "https://host[:port]/path", "headers": { "Name": "value", ... },
//     "body": "<utf-8 text>", "region": "us-east-1", "service": "cognito-idp",
//     "signingDate": "2024-01-02T03:04:05Z",
//     "credentials": { "accessKeyId": "...", "secretAccessKey": "...", "sessionToken": "..." (optional) } }
// `headers` are the headers to sign besides the ones a signer adds itself (Host, X-Amz-Date,
// X-Amz-Security-Token): e.g. Content-Type, X-Amz-Target, X-Amz-Content-SHA256.
//
// Output (stdout, JSON): { "smithy": { lower-case header: value, ... }, "aws4": { ... } }, each
// holding the headers that signer produced, among them `authorization`.
'use strict';

const { SignatureV4 } = require('@smithy/signature-v4');
const { Sha256 } = require('@aws-crypto/sha256-js');
const aws4 = require('aws4');

const ADDED_BY_SIGNER = new Set(['authorization', 'host', 'x-amz-date', 'x-amz-security-token']);

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function lowerCaseKeys(headers) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function callerHeaders(input) {
  return Object.fromEntries(Object.entries(input.headers ?? {}).filter(([k]) => !ADDED_BY_SIGNER.has(k.toLowerCase())));
}

async function signWithSmithy(input, url) {
  const signer = new SignatureV4({
    service: input.service,
    region: input.region,
    credentials: input.credentials,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const query = Object.fromEntries(url.searchParams.entries());
  const signed = await signer.sign(
    {
      method: input.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query,
      headers: { ...callerHeaders(input), host: url.host },
      body: input.body,
    },
    { signingDate: new Date(input.signingDate) },
  );
  return lowerCaseKeys(signed.headers);
}

function signWithAws4(input, url) {
  const amzDate = new Date(input.signingDate).toISOString().replace(/[:-]|\.\d{3}/g, '');
  const request = {
    method: input.method,
    host: url.hostname,
    port: url.port || undefined,
    path: url.pathname + url.search,
    service: input.service,
    region: input.region,
    headers: { ...callerHeaders(input), Host: url.host, 'X-Amz-Date': amzDate },
    body: input.body,
    // aws4 adds Content-Length for a body; the request under test does not sign it.
    extraHeadersToIgnore: { 'content-length': true },
  };
  aws4.sign(request, input.credentials);
  const headers = lowerCaseKeys(request.headers);
  delete headers['content-length'];
  return headers;
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? (await readStdin()));
  const url = new URL(input.url);
  const output = { smithy: await signWithSmithy(input, url), aws4: signWithAws4(input, url) };
  process.stdout.write(JSON.stringify(output) + '\n');
}

main().catch((err) => {
  process.stderr.write(`sigv4-sign: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
