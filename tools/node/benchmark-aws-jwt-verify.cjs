// The Node peer of the paired benchmark (issue 11): AWS's own verifier, aws-jwt-verify, over the tokens the .NET
// benchmark generated (node benchmark-aws-jwt-verify.cjs <tokens.json> [rounds] [warm-up rounds]). Each round times
// Node's own floor (crypto.verify, RSA-SHA256 PKCS#1 with the key imported) and verifySync with the JWKS cached, over
// the same tokens; the figure is the median over rounds of their ratio. Prints a markdown section; exits non-zero if
// aws-jwt-verify rejects a valid token.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const { CognitoJwtVerifier } = require("aws-jwt-verify");

const [file, roundsArg, warmupArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 41);
const warmup = Number(warmupArg ?? 6);
const run = JSON.parse(fs.readFileSync(file, "utf8"));

const keys = new Map(run.jwks.keys.map((jwk) => [jwk.kid, crypto.createPublicKey({ key: jwk, format: "jwk" })]));
const tokens = run.tokens.map(({ token }) => {
  const lastDot = token.lastIndexOf(".");
  const header = JSON.parse(Buffer.from(token.slice(0, token.indexOf(".")), "base64url").toString("utf8"));
  return {
    token,
    input: Buffer.from(token.slice(0, lastDot), "ascii"),
    signature: Buffer.from(token.slice(lastDot + 1), "base64url"),
    key: keys.get(header.kid),
  };
});

const verifier = CognitoJwtVerifier.create({ userPoolId: run.userPoolId, tokenUse: null, clientId: run.clientId });
verifier.cacheJwks(run.jwks);

const contenders = [
  ["floor: crypto.verify", (t) => crypto.verify("sha256", t.input, { key: t.key, padding: crypto.constants.RSA_PKCS1_PADDING }, t.signature)],
  ["aws-jwt-verify verifySync (JWKS cached)", (t) => verifier.verifySync(t.token).sub.length > 0],
];

const perToken = contenders.map(() => []);
for (let round = -warmup; round < rounds; round++) {
  for (let step = 0; step < contenders.length; step++) {
    const index = (step + Math.max(round, 0)) % contenders.length;
    const [name, verify] = contenders[index];
    const start = process.hrtime.bigint();
    for (const t of tokens) {
      if (!verify(t)) throw new Error(`${name} rejected a valid token`);
    }
    const micros = Number(process.hrtime.bigint() - start) / 1000 / tokens.length;
    if (round >= 0) perToken[index].push(micros);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ratios = perToken.map((times) => times.map((t, round) => t / perToken[0][round]));

// The package's exports do not include its package.json, so it is read from the folder.
const version = JSON.parse(fs.readFileSync(require("node:path").join(__dirname, "node_modules", "aws-jwt-verify", "package.json"), "utf8")).version;
console.log(`## Node peer: aws-jwt-verify ${version} on Node.js ${process.version}`);
console.log("");
console.log(`Same ${tokens.length} tokens, one process, ${warmup} warm-up rounds then ${rounds} paired rounds; ratios to Node's own floor in the same round. Tokens per second per core = 1 / (median time per token) on one thread.`);
console.log("");
console.log("| contender | µs per token (median) | ratio to Node's floor: median | min | max | tokens/s/core |");
console.log("|---|---:|---:|---:|---:|---:|");
contenders.forEach(([name], i) => {
  const micros = median(perToken[i]);
  const r = ratios[i];
  console.log(`| ${name} | ${micros.toFixed(2)} | ${median(r).toFixed(3)}× | ${Math.min(...r).toFixed(3)}× | ${Math.max(...r).toFixed(3)}× | ${Math.round(1e6 / micros)} |`);
});
console.log("");
