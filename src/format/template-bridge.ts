// Binds Docker's formatting to the Go template engine in ./template/ and maps the engine's
// errors to the exact texts each Docker command prints.
import {
  asStruct, dockerFuncs as engineDockerFuncs, dockerHeaderFuncs, parseTemplate, Template,
  TemplateExecError, TemplateParseError, type FuncMap,
} from './template/index.js';
import { goJSONString } from './template/json.js';

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

export type GoTemplate = Template;
export const dockerFuncs: FuncMap = engineDockerFuncs;
export const headerFuncs: FuncMap = dockerHeaderFuncs;

export function parseGoTemplate(text: string, funcs: FuncMap = dockerFuncs): GoTemplate {
  try {
    return parseTemplate(text, funcs);
  } catch (e) {
    if (e instanceof TemplateParseError) throw new TemplateFailure('parse', e.message);
    throw e;
  }
}


/** A context's fields: its own function-valued properties and its class's methods. */
function methodNames(obj: Record<string, unknown>): string[] {
  const names = new Set(Object.keys(obj).filter((k) => typeof obj[k] === 'function'));
  for (let proto = Object.getPrototypeOf(obj); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const k of Object.getOwnPropertyNames(proto)) if (k !== 'constructor' && typeof obj[k] === 'function') names.add(k);
  }
  return [...names];
}

/**
 * Gives a formatter context (an object whose fields are zero-argument functions) Go struct
 * semantics and Docker's MarshalJSON: every field, keys sorted, string values as the table shows.
 */
export function formatterContext<T extends object>(ctx: T, typeName: string): T {
  const obj = ctx as Record<string, unknown>;
  if (!('MarshalJSON' in obj)) {
    Object.defineProperty(obj, 'MarshalJSON', {
      enumerable: false,
      value: () => {
        const keys = methodNames(obj).filter((k) => (obj[k] as Function).length === 0).sort();
        const parts = keys.map((k) => {
          const v = (obj[k] as () => unknown).call(obj);
          return `${goJSONString(k, true)}:${v === null || v === undefined ? 'null' : typeof v === 'string' ? goJSONString(v, true) : JSON.stringify(v)}`;
        });
        return `{${parts.join(',')}}`;
      },
    });
  }
  return asStruct(ctx, typeName);
}

export function executeTemplate(t: GoTemplate, data: object, typeName: string, header = false): string {
  try {
    if (header) return t.execute(data, { funcs: dockerHeaderFuncs });
    return t.execute(typeName ? formatterContext(data, typeName) : data);
  } catch (e) {
    if (e instanceof TemplateExecError) throw new TemplateFailure('execute', e.message);
    throw e;
  }
}
