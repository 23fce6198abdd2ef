import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageStatus } from '../src/core/statusText';

test('status text is "Design covered/total · core covered/total"', () => {
  const s = coverageStatus({ designDoc: true, covered: 9, total: 16, coreCovered: 4, coreTotal: 6, missing: ['slo', 'rollout'] });
  assert.deepEqual(s, {
    text: 'Design 9/16 · core 4/6',
    tooltip: 'Design doc coverage: 9 of 16 concerns, 4 of 6 core.\nMissing: slo, rollout.\nClick for the scorecard.',
  });
});

test('complete coverage says nothing is missing', () => {
  const s = coverageStatus({ designDoc: true, covered: 16, total: 16, coreCovered: 6, coreTotal: 6, missing: [] });
  assert.equal(s?.text, 'Design 16/16 · core 6/6');
  assert.match(s?.tooltip ?? '', /\nNothing missing\.\n/);
});

test('singular concern for a rubric of one', () => {
  const s = coverageStatus({ designDoc: true, covered: 0, total: 1, coreCovered: 0, coreTotal: 0, missing: ['problem'] });
  assert.match(s?.tooltip ?? '', /^Design doc coverage: 0 of 1 concern, 0 of 0 core\./);
});

test('not a design doc: no status at all', () => {
  assert.equal(coverageStatus({ designDoc: false, covered: 0, total: 0, coreCovered: 0, coreTotal: 0, missing: [] }), undefined);
});
