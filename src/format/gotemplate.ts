// Adapter between Docker's formatters and the Go template engine (./template/): Docker's function
// map, header mode, and a fast path for the common "{{.Field}}\t{{.Other}}" templates.
import { dockerFuncs, executeTemplate, parseGoTemplate, type GoTemplate } from './template-bridge.js';

export interface CompiledTemplate {
  execute(data: object): string;
  /** Renders the header row: fields resolve to their header text. */
  header(headers: Record<string, string>): string;
  /**
   * A simple template ("{{.A}}\t{{.B}}…") over many rows: its text pieces and, per field, the
   * field's text in every row. Undefined when the template is not simple or some row lacks a
   * field (execute() then reports it as the Go engine does).
   */
  fieldColumns?(rows: readonly object[]): FieldColumns | undefined;
}

/** A simple template's output for many rows: row i is texts[0] + columns[0][i] + texts[1] + … */
export interface FieldColumns {
  texts: string[];
  columns: string[][];
}

const SIMPLE = /^(?:[^{}]|\{\{\s*\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}|\{(?!\{)|\}(?!\}))*$/;
const FIELD = /\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function fieldValue(data: any, name: string): unknown {
  const v = data[name];
  return typeof v === 'function' ? v.call(data) : v;
}

/** A field the fast path can print: an own field, or an exported method of the context's class. */
function isContextField(data: object, name: string): boolean {
  if (Object.hasOwn(data, name)) return true;
  const proto = Object.getPrototypeOf(data);
  if (proto === null || proto === Object.prototype || !/^[A-Z]/.test(name)) return false;
  // Getters stand for the Go struct's data fields (maps, unexported fields): the Go engine prints those.
  return typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function';
}

function stringify(v: unknown): string {
  if (v === undefined || v === null) return '<no value>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return String(v);
}

/** Label "com.example.some-key" → header "some key". */
export function labelHeader(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1].replace(/[-_]/g, ' ');
}

export function compileGoTemplate(text: string, typeName: string): CompiledTemplate {
  if (SIMPLE.test(text)) {
    // Text and plain fields always parse; the Go engine is only needed for a missing field's error.
    let parsed: GoTemplate | undefined;
    const full = () => (parsed ??= parseGoTemplate(text, dockerFuncs));
    const pieces: (string | { field: string })[] = [];
    let last = 0;
    for (const m of text.matchAll(FIELD)) {
      pieces.push(text.slice(last, m.index));
      pieces.push({ field: m[1] });
      last = m.index! + m[0].length;
    }
    pieces.push(text.slice(last));
    const fields = pieces.filter((p): p is { field: string } => typeof p !== 'string').map((p) => p.field);
    // Only a context's own fields and its class's methods count; anything else (unexported
    // names, Object.prototype's members) goes to the Go engine for Docker's exact error.
    // Class-based contexts (one per row of a listing) are checked once per class.
    const checkedClasses = new WeakSet<object>();
    const hasFields = (data: object): boolean => {
      const proto = Object.getPrototypeOf(data);
      const isClass = proto !== null && proto !== Object.prototype;
      if (isClass && checkedClasses.has(proto)) return true;
      if (!fields.every((f) => isContextField(data, f))) return false;
      if (isClass && fields.every((f) => !Object.hasOwn(data, f))) checkedClasses.add(proto);
      return true;
    };
    const texts = pieces.filter((p): p is string => typeof p === 'string');
    return {
      execute(data) {
        if (!hasFields(data)) return executeTemplate(full(), data, typeName);
        let s = '';
        for (const p of pieces) s += typeof p === 'string' ? p : stringify(fieldValue(data, p.field));
        return s;
      },
      fieldColumns(rows) {
        for (const r of rows) if (!hasFields(r)) return undefined;
        // Field by field (each row still sees its fields in template order): every lookup in a
        // loop is of one name, which the interpreter of a short-lived CLI does much faster.
        const columns = fields.map((name) => {
          const column = new Array<string>(rows.length);
          for (let i = 0; i < rows.length; i++) column[i] = stringify(fieldValue(rows[i], name));
          return column;
        });
        return { texts, columns };
      },
      header(headers) {
        let s = '';
        // As the Go engine renders the header (a map[string]string): a field without a header
        // prints "<no value>".
        for (const p of pieces) s += typeof p === 'string' ? p : Object.hasOwn(headers, p.field) ? headers[p.field] : '<no value>';
        return s;
      },
    };
  }
  const full = parseGoTemplate(text, dockerFuncs);
  return {
    execute: (data) => executeTemplate(full, data, typeName),
    header: (headers) => executeTemplate(full, headerObject(headers), 'map[string]string', true),
  };
}

function headerObject(headers: Record<string, string>): object {
  return { ...headers, Label: (name: string) => labelHeader(name) };
}
