import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configurationItem, serverKeys, serverSettings, validate, type SettingValues } from '../src/core/serverConfig';
import schema from '../settings-schema.json';

const fromGlobal = (values: Record<string, unknown>) => (key: string): SettingValues | undefined =>
  key in values ? { globalValue: values[key] } : undefined;

describe('serverSettings', () => {
  test('the server keys are exactly the contract keys, read from settings-schema.json', () => {
    assert.deepEqual([...serverKeys].sort(), ['disable', 'exclude', 'include', 'rubric', 'rubrics', 'severity', 'synonyms', 'templates']);
    assert.deepEqual(serverKeys, Object.keys(schema).map((k) => k.replace(/^designls\./, '')));
  });

  test('unset settings are not sent, so .designls.yaml keeps the last word', () => {
    assert.deepEqual(serverSettings(() => undefined), { settings: {}, problems: [] });
    assert.deepEqual(serverSettings(() => ({})), { settings: {}, problems: [] });
  });

  test('every valid value of every key is passed through unchanged', () => {
    const values = {
      include: ['docs/**/*.md', 'rfcs/*.md'],
      exclude: ['**/CHANGELOG.md'],
      rubric: 'api-design',
      rubrics: [{ files: 'postmortems/**', rubric: 'postmortem' }],
      severity: { 'missing-section': 'warning', 'slo-unmeasurable': 'off' },
      disable: ['capacity-arithmetic'],
      synonyms: { slo: ['reliability contract', '信頼性目標'] },
      templates: '.designls/templates',
    };
    assert.deepEqual(serverSettings(fromGlobal(values)), { settings: values, problems: [] });
  });

  test('folder beats workspace beats user', () => {
    const inspect = (key: string): SettingValues | undefined =>
      key === 'rubric'
        ? { globalValue: 'system-design', workspaceValue: 'api-design', workspaceFolderValue: 'postmortem' }
        : key === 'include'
          ? { globalValue: ['a'], workspaceValue: ['b'] }
          : key === 'templates'
            ? { globalValue: 'tpl' }
            : undefined;
    assert.deepEqual(serverSettings(inspect).settings, { rubric: 'postmortem', include: ['b'], templates: 'tpl' });
  });

  test('a value that breaks the schema is dropped with a reason; the others still go', () => {
    const { settings, problems } = serverSettings(
      fromGlobal({
        include: 'docs/**',
        rubric: 'system_design',
        rubrics: [{ files: 'a/**' }],
        severity: { 'missing-section': 'warn' },
        synonyms: { slo: ['ok', 3] },
        disable: ['missing-section'],
      }),
    );
    assert.deepEqual(settings, { disable: ['missing-section'] });
    assert.deepEqual(problems, [
      'designls.include: expected an array, got "docs/**"; the setting is ignored',
      'designls.rubric: "system_design" is not one of system-design, api-design, incident-response, postmortem, behavioral-story; the setting is ignored',
      'designls.rubrics[0]: missing "rubric"; the setting is ignored',
      'designls.severity.missing-section: "warn" is not one of error, warning, information, hint, off; the setting is ignored',
      'designls.synonyms.slo[1]: expected a string, got 3; the setting is ignored',
    ]);
  });
});

test('validate rejects unknown fields where the schema closes an object', () => {
  const node = schema['designls.rubrics'] as Parameters<typeof validate>[1];
  assert.equal(validate([{ files: 'x', rubric: 'postmortem', extra: 1 }], node, 'r'), 'r[0]: unknown field "extra"');
  assert.equal(validate([{ files: 'x', rubric: 'postmortem' }], node, 'r'), undefined);
  assert.equal(validate(null, { type: 'object' }, 'o'), 'o: expected an object, got null');
  assert.equal(validate([], { type: 'object' }, 'o'), 'o: expected an object, got an array');
});

test('configurationItem answers the designls section, its dotted keys, and null for the rest', () => {
  const settings = { rubric: 'postmortem', include: ['docs/**'] };
  assert.equal(configurationItem('designls', settings), settings);
  assert.equal(configurationItem('designls.rubric', settings), 'postmortem');
  assert.equal(configurationItem('designls.exclude', settings), null);
  assert.equal(configurationItem('editor', settings), null);
  assert.equal(configurationItem('designlsx', settings), null);
  assert.equal(configurationItem(undefined, settings), null);
});
