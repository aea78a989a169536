// Binds Docker's formatting to the Go template engine in ./template/ and maps the engine's
// errors to the exact texts each Docker command prints.
// NOTE: wired to the engine once it lands; until then only simple field templates work.

export class TemplateFailure extends Error {
  constructor(readonly phase: 'parse' | 'execute', readonly goMessage: string) {
    super(goMessage);
  }
  /** The text Docker prints for this failure in the given command style. */
  dockerMessage(style: 'parse' | 'execute' | 'version-parse' | 'inspect'): string {
    if (style === 'inspect' || style === 'version-parse') return `template parsing error: ${this.goMessage}`;
    return this.phase === 'parse' ? `failed to parse template: ${this.goMessage}` : `failed to execute template: ${this.goMessage}`;
  }
}

export type GoTemplate = { text: string };
export const dockerFuncs = {};
export const headerFuncs = {};

export function parseGoTemplate(text: string, _funcs: object): GoTemplate {
  if ((text.match(/\{\{/g) ?? []).length !== (text.match(/\}\}/g) ?? []).length) {
    throw new TemplateFailure('parse', 'template: :1: unclosed action');
  }
  return { text };
}

export function executeTemplate(t: GoTemplate, data: object, typeName: string, _header = false): string {
  const m = /\{\{\s*\.([A-Za-z_]\w*)/.exec(t.text);
  if (m && !(m[1] in data)) {
    throw new TemplateFailure('execute', `template: :1:${m.index + 2}: executing "" at <.${m[1]}>: can't evaluate field ${m[1]} in type ${typeName}`);
  }
  throw new TemplateFailure('execute', 'template engine not available yet');
}
