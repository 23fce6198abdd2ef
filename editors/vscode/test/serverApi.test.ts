import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  parseCoverage,
  parseRenderedTemplate,
  parseScorecard,
  parseTemplates,
  ServerCommand,
  templateArgs,
  uriArgs,
} from '../src/core/serverApi';

test('command names and argument shapes follow the server contract', () => {
  assert.deepEqual(Object.values(ServerCommand).sort(), [
    'designls.coverage',
    'designls.insertMissing',
    'designls.listTemplates',
    'designls.renderTemplate',
    'designls.scorecard',
  ]);
  assert.deepEqual(uriArgs('file:///d/%E8%AE%BE%E8%AE%A1.md'), [{ uri: 'file:///d/%E8%AE%BE%E8%AE%A1.md' }]);
  assert.deepEqual(templateArgs('rfc'), [{ name: 'rfc' }]);
});

describe('parseCoverage', () => {
  test('accepts the documented shape', () => {
    const c = { designDoc: true, covered: 9, total: 16, coreCovered: 4, coreTotal: 6, missing: ['slo', 'rollout'] };
    assert.deepEqual(parseCoverage(c), c);
  });

  test('a non-design doc needs no counts', () => {
    assert.deepEqual(parseCoverage({ designDoc: false }), {
      designDoc: false, covered: 0, total: 0, coreCovered: 0, coreTotal: 0, missing: [],
    });
  });

  test('names the command and the field that is wrong', () => {
    const ok = { designDoc: true, covered: 1, total: 2, coreCovered: 0, coreTotal: 6, missing: [] };
    const cases: Array<[unknown, RegExp]> = [
      [null, /designls\.coverage: result is not an object/],
      [[], /result is not an object/],
      [{ ...ok, designDoc: 'yes' }, /designDoc is not a boolean/],
      [{ ...ok, covered: '1' }, /covered is not a non-negative integer/],
      [{ ...ok, total: 2.5 }, /total is not a non-negative integer/],
      [{ ...ok, coreTotal: -1 }, /coreTotal is not a non-negative integer/],
      [{ ...ok, covered: 3 }, /more concerns covered than exist/],
      [{ ...ok, missing: ['slo', 1] }, /missing is not an array of concern IDs/],
      [{ ...ok, missing: 'slo' }, /missing is not an array/],
    ];
    for (const [input, want] of cases) {
      assert.throws(() => parseCoverage(input), want, JSON.stringify(input));
    }
  });
});

test('parseTemplates fills a missing title from the name and checks types', () => {
  assert.deepEqual(
    parseTemplates([
      { name: 'rfc', title: 'RFC', description: 'Full RFC' },
      { name: 'one-pager' },
    ]),
    [
      { name: 'rfc', title: 'RFC', description: 'Full RFC' },
      { name: 'one-pager', title: 'one-pager', description: '' },
    ],
  );
  assert.throws(() => parseTemplates({}), /listTemplates: expected an array/);
  assert.throws(() => parseTemplates([{ title: 'x' }]), /template 0 has no string "name"/);
  assert.throws(() => parseTemplates([{ name: 'x', title: 7 }]), /x: "title" is not a string/);
});

test('rendered template and scorecard texts are taken verbatim', () => {
  const text = '---\nrubric: system-design\n---\r\n# 标题 🚀\n';
  assert.equal(parseRenderedTemplate({ text }), text);
  assert.equal(parseScorecard({ markdown: text }), text);
  assert.throws(() => parseRenderedTemplate({ markdown: text }), /renderTemplate: result has no string "text"/);
  assert.throws(() => parseScorecard('# x'), /scorecard: result is not an object/);
});
