// The server's workspace/executeCommand surface: command names, their arguments, and checks
// of what comes back. Results are checked rather than cast because the server is a separate
// program that may be older or newer than this extension; a shape mismatch should produce a
// message naming the command, not an undefined deep inside the UI code.

/**
 * Commands the server implements. The language client registers these names as VS Code
 * commands on its own (so code actions that carry them work), which is why the extension's
 * contributed commands use different names.
 */
export const ServerCommand = {
  insertMissing: 'designls.insertMissing',
  scorecard: 'designls.scorecard',
  listTemplates: 'designls.listTemplates',
  renderTemplate: 'designls.renderTemplate',
  coverage: 'designls.coverage',
} as const;

export type ServerCommandName = (typeof ServerCommand)[keyof typeof ServerCommand];

export interface TemplateInfo {
  name: string;
  title: string;
  description: string;
}

export interface Coverage {
  designDoc: boolean;
  covered: number;
  total: number;
  coreCovered: number;
  coreTotal: number;
  /** Concern IDs (see shared/concerns.md) that the doc does not cover. */
  missing: string[];
}

export function uriArgs(uri: string): [{ uri: string }] {
  return [{ uri }];
}

export function templateArgs(name: string): [{ name: string }] {
  return [{ name }];
}

export class UnexpectedResult extends Error {
  constructor(command: ServerCommandName, detail: string) {
    super(`designls server: unexpected result from ${command}: ${detail}`);
    this.name = 'UnexpectedResult';
  }
}

export function parseTemplates(result: unknown): TemplateInfo[] {
  const command = ServerCommand.listTemplates;
  if (!Array.isArray(result)) {
    throw new UnexpectedResult(command, 'expected an array of templates');
  }
  return result.map((entry: unknown, i) => {
    const rec = record(command, entry, `template ${i}`);
    const name = string(command, rec, 'name', `template ${i}`);
    return {
      name,
      title: optionalString(command, rec, 'title', name) || name,
      description: optionalString(command, rec, 'description', name),
    };
  });
}

export function parseRenderedTemplate(result: unknown): string {
  const command = ServerCommand.renderTemplate;
  return string(command, record(command, result, 'result'), 'text', 'result');
}

export function parseScorecard(result: unknown): string {
  const command = ServerCommand.scorecard;
  return string(command, record(command, result, 'result'), 'markdown', 'result');
}

export function parseCoverage(result: unknown): Coverage {
  const command = ServerCommand.coverage;
  const rec = record(command, result, 'result');
  if (typeof rec.designDoc !== 'boolean') {
    throw new UnexpectedResult(command, 'designDoc is not a boolean');
  }
  if (!rec.designDoc) {
    // The counts mean nothing for a file that is not a design doc; do not insist on them.
    return { designDoc: false, covered: 0, total: 0, coreCovered: 0, coreTotal: 0, missing: [] };
  }
  const count = (field: string): number => {
    const v = rec[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new UnexpectedResult(command, `${field} is not a non-negative integer`);
    }
    return v;
  };
  const coverage: Coverage = {
    designDoc: true,
    covered: count('covered'),
    total: count('total'),
    coreCovered: count('coreCovered'),
    coreTotal: count('coreTotal'),
    missing: [],
  };
  if (coverage.covered > coverage.total || coverage.coreCovered > coverage.coreTotal) {
    throw new UnexpectedResult(command, 'more concerns covered than exist');
  }
  const missing = rec.missing ?? [];
  if (!Array.isArray(missing) || missing.some((m) => typeof m !== 'string')) {
    throw new UnexpectedResult(command, 'missing is not an array of concern IDs');
  }
  coverage.missing = missing as string[];
  return coverage;
}

function record(command: ServerCommandName, value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UnexpectedResult(command, `${what} is not an object`);
  }
  return value as Record<string, unknown>;
}

function string(command: ServerCommandName, rec: Record<string, unknown>, field: string, what: string): string {
  const v = rec[field];
  if (typeof v !== 'string') {
    throw new UnexpectedResult(command, `${what} has no string "${field}"`);
  }
  return v;
}

function optionalString(command: ServerCommandName, rec: Record<string, unknown>, field: string, what: string): string {
  const v = rec[field];
  if (v === undefined || v === null) {
    return '';
  }
  if (typeof v !== 'string') {
    throw new UnexpectedResult(command, `${what}: "${field}" is not a string`);
  }
  return v;
}
