// Turns VS Code settings into the configuration object the server receives, both as
// initializationOptions and as the answer to workspace/configuration for section "designls".
// The keys and their shapes come from settings-schema.json alone; adding a server setting
// means editing that file and running `npm run sync-settings`, never this one.
import schemaJson from '../../settings-schema.json';

export const SECTION = 'designls';
const prefix = `${SECTION}.`;

/** The subset of JSON Schema that settings-schema.json uses. */
export interface SchemaNode {
  type?: 'string' | 'array' | 'object' | 'number' | 'boolean';
  enum?: readonly unknown[];
  items?: SchemaNode;
  properties?: Readonly<Record<string, SchemaNode>>;
  required?: readonly string[];
  additionalProperties?: boolean | SchemaNode;
}

const schema = schemaJson as Readonly<Record<string, SchemaNode>>;

/** Server setting keys as the server and .designls.yaml spell them ("include", not "designls.include"). */
export const serverKeys: readonly string[] = Object.keys(schema).map((k) => k.slice(prefix.length));

/** What VS Code's WorkspaceConfiguration.inspect reports for one setting. */
export interface SettingValues {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export type ServerSettings = Record<string, unknown>;

export interface MappedSettings {
  settings: ServerSettings;
  /** One line per setting that was dropped because its value does not fit the schema. */
  problems: string[];
}

/**
 * Collects the server settings the user has actually set. Defaults are never sent: an unset
 * key leaves the decision to the project's .designls.yaml or the server's own default,
 * whereas a default sent from here would silently override the project file.
 *
 * @param inspect reads one setting by server key ("include"), as WorkspaceConfiguration.inspect does
 */
export function serverSettings(inspect: (key: string) => SettingValues | undefined): MappedSettings {
  const settings: ServerSettings = {};
  const problems: string[] = [];
  for (const key of serverKeys) {
    const found = inspect(key);
    const value = found?.workspaceFolderValue ?? found?.workspaceValue ?? found?.globalValue;
    if (value === undefined || value === null) {
      continue;
    }
    const problem = validate(value, schema[prefix + key], prefix + key);
    if (problem) {
      problems.push(`${problem}; the setting is ignored`);
      continue;
    }
    settings[key] = value;
  }
  return { settings, problems };
}

/**
 * Answers one workspace/configuration item. The server asks for section "designls"; a
 * dotted section ("designls.rubric") gets that one value. Anything else is not ours: null,
 * as the protocol prescribes for unknown sections.
 */
export function configurationItem(section: string | undefined, settings: ServerSettings): unknown {
  if (section === SECTION) {
    return settings;
  }
  if (section?.startsWith(prefix)) {
    return settings[section.slice(prefix.length)] ?? null;
  }
  return null;
}

/** Returns a description of the first way value breaks node, or undefined when it fits. */
export function validate(value: unknown, node: SchemaNode, where: string): string | undefined {
  if (node.type && !hasType(value, node.type)) {
    return `${where}: expected ${article(node.type)}, got ${describe(value)}`;
  }
  if (node.enum && !node.enum.includes(value)) {
    return `${where}: ${describe(value)} is not one of ${node.enum.join(', ')}`;
  }
  if (Array.isArray(value) && node.items) {
    for (let i = 0; i < value.length; i++) {
      const problem = validate(value[i], node.items, `${where}[${i}]`);
      if (problem) {
        return problem;
      }
    }
  }
  if (node.type === 'object' && isRecord(value)) {
    for (const name of node.required ?? []) {
      if (!(name in value)) {
        return `${where}: missing "${name}"`;
      }
    }
    for (const [name, child] of Object.entries(value)) {
      const known = node.properties?.[name];
      const rule = known ?? node.additionalProperties;
      if (rule === false) {
        return `${where}: unknown field "${name}"`;
      }
      if (rule && rule !== true) {
        const problem = validate(child, rule, `${where}.${name}`);
        if (problem) {
          return problem;
        }
      }
    }
  }
  return undefined;
}

function hasType(value: unknown, type: NonNullable<SchemaNode['type']>): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return typeof value === type;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return JSON.stringify(value);
}
