#!/usr/bin/env node
// `qmt list --json | node check-variants.js EC200N-CN EG912Y`: exits 1 naming each expected
// variant that no attached module matched (a rig that lost a module certifies fewer variants).
const expected = process.argv.slice(2);
let text = '';
process.stdin.on('data', (c) => (text += c));
process.stdin.on('end', () => {
  let found;
  try {
    found = new Set(
      JSON.parse(text)
        .modules.map((m) => m.variant)
        .filter(Boolean),
    );
  } catch {
    console.error('check-variants: stdin is not the JSON of `qmt list --json`');
    process.exit(2);
  }
  const missing = expected.filter((v) => !found.has(v));
  for (const v of missing) console.error(`check-variants: no attached module is a ${v}`);
  if (missing.length === 0) console.log(`check-variants: ${expected.join(', ')} attached`);
  process.exit(missing.length ? 1 : 0);
});
