/** The public Template type: parse once, execute for every row. */

import { TemplateExecError, TemplateParseError } from './errors.js';
import {
  FuncMap,
  MissingKey,
  ResolvedFunc,
  TemplateSet,
  executeTree,
  isBuiltinName,
  resolveFuncMap,
} from './exec.js';
import { parseTrees } from './parser.js';

export interface ParseOptions {
  /** The template's name (Go's `template.New(name)`); Docker uses "" for `--format`. */
  name?: string;
}

export interface ExecuteOptions {
  /** Go's `missingkey=` option: what a missing map key gives. Default: `<no value>`. */
  missingKey?: MissingKey;
  /**
   * Functions replacing those given at parse time for this execution (Go's `Funcs` called on
   * a parsed template), e.g. Docker's header functions. Names must have existed at parse time.
   */
  funcs?: FuncMap;
}

export class Template {
  private readonly overrideCache = new WeakMap<FuncMap, Map<string, ResolvedFunc>>();

  /** @internal use parseTemplate */
  constructor(
    private readonly set: TemplateSet,
    private readonly funcs: Map<string, ResolvedFunc>,
  ) {}

  /** The name of the top-level template. */
  get name(): string {
    return this.set.parseName;
  }

  /** Names of all templates in the set (the top-level one and those from `define`/`block`). */
  templateNames(): string[] {
    return [...this.set.trees.keys()];
  }

  /** Executes the top-level template. Throws TemplateExecError. */
  execute(data: unknown, options?: ExecuteOptions): string {
    return this.executeTemplate(this.set.parseName, data, options);
  }

  /** Executes a named template of the set (Go's ExecuteTemplate). Throws TemplateExecError. */
  executeTemplate(name: string, data: unknown, options?: ExecuteOptions): string {
    if (!this.set.trees.has(name) && name !== this.set.parseName) {
      throw new TemplateExecError(
        `template: no template "${name}" associated with template "${this.set.parseName}"`,
        name,
      );
    }
    let funcs = this.funcs;
    if (options?.funcs) {
      let merged = this.overrideCache.get(options.funcs);
      if (!merged) {
        merged = new Map([...this.funcs, ...resolveFuncMap(options.funcs)]);
        this.overrideCache.set(options.funcs, merged);
      }
      funcs = merged;
    }
    return executeTree(this.set, name, data, funcs, options?.missingKey ?? 'default');
  }
}

/**
 * Parses Go template text. `funcs` adds functions (Go's `Funcs`) to the builtins.
 * Throws TemplateParseError with Go's message, e.g. `template: :1: unclosed action`.
 */
export function parseTemplate(text: string, funcs?: FuncMap, options?: ParseOptions): Template {
  const name = options?.name ?? '';
  const resolved = resolveFuncMap(funcs);
  const trees = parseTrees(name, text, (fn) => resolved.has(fn) || isBuiltinName(fn));
  return new Template({ parseName: name, text, trees }, resolved);
}

export { TemplateParseError };
