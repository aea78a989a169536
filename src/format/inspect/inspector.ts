// The CLI's inspect driver (cli/command/inspect): look every reference up, print the JSON array
// (indented, or compact for --format json) or run the template on each object, then report the
// lookup errors together. A template that fails on the CLI's typed struct is run again on the raw
// JSON decoded into maps, with missingkey=error; only that second error is shown.
import { CliError, type CommandContext } from '../../cli/command.js';
import { DaemonError } from '../../engine/errors.js';
import {
  dockerFuncs,
  dockerJSON,
  goFunc,
  parseTemplate,
  TemplateExecError,
  TemplateParseError,
  type FuncMap,
  type Template,
} from '../template/index.js';
import { decode, decodeAny, typedJSON } from './gotypes.js';
import { compactJSON, indentJSON } from './json.js';
import type { InspectItem } from './item.js';

/** A lookup failure printed as is (e.g. "Error: No such object: x"). */
export class InspectLookupError extends Error {}

/** Docker's template functions, with `json` marshalling the CLI's typed values as Go would. */
export const INSPECT_FUNCS: FuncMap = {
  ...dockerFuncs,
  json: goFunc((v: unknown) => typedJSON(v) ?? dockerJSON(v), { params: ['any'] }),
};

export function lookupErrorText(e: unknown): string | undefined {
  if (e instanceof DaemonError) return `Error response from daemon: ${e.message}`;
  if (e instanceof InspectLookupError) return e.message;
  return undefined;
}

export interface InspectOutput {
  stdout: string;
  errors: string[];
  /** 64 for a template that does not parse. */
  exitCode: number;
}

/** Runs a template on one object the way TemplateInspector.Inspect does. */
export function executeInspectTemplate(tmpl: Template, item: InspectItem): string {
  const json = JSON.parse(item.raw) as unknown;
  try {
    return tmpl.execute(decode(json, item.type));
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
  }
  try {
    return tmpl.execute(decodeAny(json), { missingKey: 'error' });
  } catch (e) {
    if (e instanceof TemplateExecError) throw new InspectLookupError(`template parsing error: ${e.message}`);
    throw e;
  }
}

/**
 * inspect.Inspect: `format` '' = indented JSON array, 'json' = compact array, else a Go template.
 * `lookup` returns the object or throws DaemonError / InspectLookupError.
 */
export function inspectAll(refs: string[], format: string, lookup: (ref: string) => InspectItem): InspectOutput {
  let tmpl: Template | undefined;
  if (format !== '' && format !== 'json') {
    try {
      tmpl = parseTemplate(format, INSPECT_FUNCS);
    } catch (e) {
      if (e instanceof TemplateParseError) return { stdout: '', errors: [`template parsing error: ${e.message}`], exitCode: 64 };
      throw e;
    }
  }
  const errors: string[] = [];
  const raws: string[] = [];
  let buffer = '';
  for (const ref of refs) {
    let item: InspectItem;
    try {
      item = lookup(ref);
    } catch (e) {
      const text = lookupErrorText(e);
      if (text === undefined) throw e;
      errors.push(text);
      continue;
    }
    if (!tmpl) {
      raws.push(item.raw);
      continue;
    }
    try {
      buffer += executeInspectTemplate(tmpl, item) + '\n';
    } catch (e) {
      if (e instanceof InspectLookupError) errors.push(e.message);
      else throw e;
    }
  }
  let stdout: string;
  if (tmpl) stdout = buffer === '' ? '\n' : buffer;
  else if (raws.length === 0) stdout = '[]\n';
  else {
    const all = `[${raws.join(',')}]`;
    stdout = (format === 'json' ? compactJSON(all) : indentJSON(all)) + '\n';
  }
  return { stdout, errors, exitCode: errors.length ? 1 : 0 };
}

/** Prints an inspectAll result through a command context (errors → CliError). */
export function runInspect(ctx: CommandContext, refs: string[], format: string, lookup: (ref: string) => InspectItem): number {
  const res = inspectAll(refs, format, lookup);
  ctx.out(res.stdout);
  if (res.errors.length) throw new CliError(res.errors.join('\n'), res.exitCode);
  return 0;
}
