import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '../../src/api/json-depth';

const bytes = (text: string) => new TextEncoder().encode(text);

test('issue 22 item 4: nesting beyond the limit is found on the raw bytes, before any parsing', () => {
  expect(jsonNestsDeeperThan(bytes('['.repeat(64 * 1024)), MAX_JSON_DEPTH)).toBe(true);
  expect(jsonNestsDeeperThan(bytes('{"a":'.repeat(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
  const atTheLimit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
  expect(jsonNestsDeeperThan(bytes(atTheLimit), MAX_JSON_DEPTH)).toBe(false);
  // Depth is how deep, not how many: siblings close before the next opens.
  expect(jsonNestsDeeperThan(bytes(JSON.stringify(Array(1000).fill([[{ a: [1] }]]))), MAX_JSON_DEPTH)).toBe(false);
});

test('issue 22 item 4: brackets inside strings, escaped quotes included, are text, not nesting', () => {
  const text = JSON.stringify({ note: `${'['.repeat(100)}"${'{'.repeat(100)}\\`, name: 'Zoë [x]' });
  expect(jsonNestsDeeperThan(bytes(text), 2)).toBe(false);
  expect(jsonNestsDeeperThan(bytes(`{"a":"\\"",${'['.repeat(3)}`), 3)).toBe(true);
});
