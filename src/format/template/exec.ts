/**
 * Executes parsed templates against plain JavaScript data, following Go's text/template
 * evaluation rules and error messages (`template: :1:2: executing "" at <.Foo>: ...`).
 */

import { BUILTINS } from './builtins.js';
import { TemplateExecError } from './errors.js';
import { printForTemplate, sprintf } from './fmt.js';
import { goQuote } from './lexer.js';
import type {
  ArgNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes.js';
import { nodeString } from './nodes.js';
import type { ParsedTree } from './parser.js';
import {
  GO_FUNC,
  GO_TYPE,
  GoTypeInfo,
  GoComplex,
  GoFuncSpec,
  GoNil,
  GoNumber,
  GoParamType,
  elemIsInterface,
  elemType,
  isExported,
  isTrue,
  kindOf,
  NOT_FOUND,
  mapGetValue,
  sortedMapEntries,
  structGet,
  typeInfo,
  typeName,
  zeroValue,
} from './values.js';

export type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

/** A function in a func map: the JS function, optionally with a Go signature attached by `goFunc`. */
export type TemplateFunc = (...args: never[]) => unknown;
export type FuncMap = Record<string, TemplateFunc>;

/** A callable with its Go signature, as the executor sees it. */
export interface ResolvedFunc {
  name: string;
  builtin: boolean;
  params: GoParamType[];
  variadic: GoParamType | null;
  /** Receives checked arguments (internal values); `self` is the method receiver. */
  call: (args: unknown[], self: unknown) => unknown;
}

const MISSING: unique symbol = Symbol('missing');
type Value = unknown;

/**
 * A value read through a Go `interface{}` (a field of interface type, an element of a
 * `map[string]interface {}` or `[]interface {}`). Like Go, the executor unwraps it at the end
 * of each command, but until then error messages name its static type `interface {}`, and a
 * field access through a nil one is an error (`nil pointer evaluating interface {}.X`).
 */
class Iface {
  constructor(readonly v: unknown) {}
}
const NIL_IFACE = new Iface(undefined);

function box(v: unknown): unknown {
  if (v === undefined || v === null) return NIL_IFACE;
  if (typeof v === 'function') return v;
  return new Iface(v);
}

function staticType(boxed: boolean, v: unknown): string {
  return boxed ? 'interface {}' : typeName(v);
}

function unbox(v: unknown): unknown {
  return v instanceof Iface ? v.v : v;
}

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

const MAX_EXEC_DEPTH = 1000;

/** Marks a function stored in data as a Go func value (for `call`) rather than a method. */
export const FUNC_VALUE: unique symbol = Symbol.for('fakedocker.template.funcValue') as never;

function isFuncValue(f: unknown): boolean {
  return typeof f === 'function' && (f as { [FUNC_VALUE]?: boolean })[FUNC_VALUE] === true;
}

/** Unboxes Go numbers before handing values to JS functions. */
function toJS(v: unknown): unknown {
  if (v instanceof GoNumber) return v.value;
  return v;
}

const specCache = new WeakMap<object, ResolvedFunc>();

/** Wraps a user (func map or method) function with its Go signature. */
export function resolveUserFunc(name: string, fn: (...a: unknown[]) => unknown): ResolvedFunc {
  const cached = specCache.get(fn);
  if (cached && cached.name === name) return cached;
  const spec = (fn as { [GO_FUNC]?: GoFuncSpec })[GO_FUNC];
  const params: GoParamType[] = spec?.params ?? new Array<GoParamType>(fn.length).fill('any');
  const variadic = spec?.variadic ?? null;
  const resolved: ResolvedFunc = {
    name,
    builtin: false,
    params,
    variadic,
    call: (args, self) => {
      if (spec?.raw) return fn.apply(self, args);
      const jsArgs = new Array(args.length);
      for (let i = 0; i < args.length; i++) jsArgs[i] = toJS(args[i]);
      return fn.apply(self, jsArgs);
    },
  };
  specCache.set(fn, resolved);
  return resolved;
}

export function resolveFuncMap(funcs: FuncMap | undefined): Map<string, ResolvedFunc> {
  const m = new Map<string, ResolvedFunc>();
  if (!funcs) return m;
  for (const [name, fn] of Object.entries(funcs)) {
    if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name)) throw new Error(`function name ${goQuote(name)} is not a valid identifier`);
    if (typeof fn !== 'function') throw new Error(`value for ${name} not a function`);
    m.set(name, resolveUserFunc(name, fn as (...a: unknown[]) => unknown));
  }
  return m;
}

const BUILTIN_FUNCS = new Map<string, ResolvedFunc>(
  Object.entries(BUILTINS).map(([name, b]) => [
    name,
    { name, builtin: true, params: b.params, variadic: b.variadic, call: (args: unknown[]) => b.impl(args) },
  ]),
);

export function isBuiltinName(name: string): boolean {
  return BUILTIN_FUNCS.has(name);
}

export interface TemplateSet {
  /** Name of the top-level template (Go's ParseName; shown in locations). */
  parseName: string;
  text: string;
  trees: Map<string, ParsedTree>;
}

interface Variable {
  name: string;
  value: Value;
}

function canBeNil(t: GoParamType | null): boolean {
  return t === null || t === 'any' || t === 'reflect.Value' || t === '[]string';
}

function zeroOfParam(t: GoParamType | null): Value {
  return t === '[]string' ? [] : undefined;
}

/** Is `v` assignable to a parameter of type `t`? */
function assignable(v: Value, t: GoParamType): boolean {
  switch (t) {
    case 'any':
    case 'reflect.Value':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'int':
      return (typeof v === 'number' && Number.isInteger(v)) || (v instanceof GoNumber && v.type === 'int');
    case 'int64':
      return typeof v === 'bigint' || (v instanceof GoNumber && v.type === 'int64');
    case 'float64':
      return typeof v === 'number' || (v instanceof GoNumber && v.type === 'float64');
    case '[]string':
      return Array.isArray(v) && (typeName(v) === '[]string' || (!typeInfo(v) && v.every((e) => typeof e === 'string')));
  }
}

const SLOW: unique symbol = Symbol('slow');

/**
 * The common `{{.A.B}}` action on plain objects and structs, without the general machinery.
 * Returns SLOW (before any error could arise) whenever the general path is needed; methods
 * it called are then called again by the general path, so they should not have side effects.
 */
function fastField(dot: unknown, ident: string[]): unknown {
  let v = dot;
  for (let i = 0; i < ident.length; i++) {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Map) return SLOW;
    const info = (v as { [GO_TYPE]?: GoTypeInfo })[GO_TYPE];
    const name = ident[i];
    let x: unknown;
    if (info === undefined) {
      if (!isPlainObject(v)) return SLOW;
      if (!Object.prototype.hasOwnProperty.call(v, name)) return SLOW;
      x = (v as Record<string, unknown>)[name];
      if (x === null || x === undefined) return SLOW;
    } else if (info.kind === 'struct') {
      x = structGet(v, name);
      if (x === NOT_FOUND || x === undefined || !isExported(name)) return SLOW;
    } else {
      return SLOW;
    }
    if (typeof x === 'function') {
      if (x.length !== 0 || (x as { [GO_FUNC]?: unknown })[GO_FUNC] !== undefined || isFuncValue(x)) return SLOW;
      try {
        x = x.call(v);
      } catch {
        return SLOW;
      }
      if (x === undefined || typeof x === 'function') return SLOW;
    }
    v = x;
  }
  return v;
}

function isPlainObject(o: object): boolean {
  if (o instanceof Map) return true;
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}

/** One execution of a template (Go's `state`). */
class State {
  node: Node | null = null;
  vars: Variable[];
  out = '';

  constructor(
    private tmplName: string,
    private readonly set: TemplateSet,
    private readonly funcs: Map<string, ResolvedFunc>,
    private readonly missingKey: MissingKey,
    private depth: number,
    dot: Value,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  // -- errors ------------------------------------------------------------

  errorf(msg: string): never {
    const name = this.tmplName;
    if (this.node === null) throw new TemplateExecError(`template: ${name}: ${msg}`, name);
    const { text, parseName } = this.set;
    const pos = this.node.pos;
    const before = text.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const line = 1 + countChar(before, '\n');
    const col = utf8Len(nl === -1 ? before : before.slice(nl + 1));
    throw new TemplateExecError(
      `template: ${parseName}:${line}:${col}: executing ${goQuote(name)} at <${nodeString(this.node)}>: ${msg}`,
      name,
    );
  }

  private at(n: Node): void {
    this.node = n;
  }

  // -- variables -----------------------------------------------------------

  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: Value): void {
    this.vars[this.vars.length - n].value = value;
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) return this.vars[i].value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // -- walking -------------------------------------------------------------

  walk(dot: Value, node: Node): void {
    this.node = node;
    switch (node.type) {
      case 'action': {
        const pipe = node.pipe;
        if (pipe.decl.length === 0 && pipe.cmds.length === 1 && pipe.cmds[0].args.length === 1) {
          const arg = pipe.cmds[0].args[0];
          if (arg.type === 'field') {
            const v = fastField(dot, arg.ident);
            if (v !== SLOW) {
              this.node = node;
              this.out += typeof v === 'string' ? v : printForTemplate(v);
              return;
            }
          }
        }
        const val = this.evalPipeline(dot, pipe);
        if (pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        this.walkIfOrWith(node, dot);
        return;
      case 'list': {
        const nodes = node.nodes;
        for (let i = 0; i < nodes.length; i++) this.walk(dot, nodes[i]);
        return;
      }
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: Value): void {
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, node.pipe);
    if (isTrue(val)) {
      this.walk(node.type === 'with' ? val : dot, node.list);
    } else if (node.elseList !== null) {
      this.walk(dot, node.elseList);
    }
    this.vars.length = mark;
  }

  private walkRange(dot: Value, r: BranchNode): void {
    this.at(r);
    const mark0 = this.vars.length;
    const val = this.evalPipeline(dot, r.pipe);
    const mark = this.vars.length;
    const decl = r.pipe.decl;
    const oneIteration = (index: Value, elem: Value): void => {
      if (decl.length > 0) {
        if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
        else this.setTopVar(1, elem);
      }
      if (decl.length > 1) {
        if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem);
        else this.setTopVar(2, index);
      }
      try {
        this.walk(elem, r.list);
      } catch (e) {
        if (e !== CONTINUE) throw e;
      } finally {
        this.vars.length = mark;
      }
    };
    let ran = false;
    try {
      switch (kindOf(val)) {
        case 'int':
        case 'uint': {
          if (decl.length > 1) this.errorf(`can't use ${sprintf('%v', [val])} to iterate over more than one variable`);
          const n = Number(val instanceof GoNumber ? val.value : (val as number | bigint));
          const t = val instanceof GoNumber ? val.type : null;
          for (let i = 0; i < n; i++) {
            ran = true;
            oneIteration(undefined, t && t !== 'int' ? new GoNumber(t, i) : i);
          }
          break;
        }
        case 'slice': {
          const arr = val as unknown[];
          const iface = elemIsInterface(typeName(arr));
          for (let i = 0; i < arr.length; i++) {
            ran = true;
            const e = arr[i];
            oneIteration(i, iface || e === undefined ? box(e) : e);
          }
          break;
        }
        case 'bytes': {
          const b = val as Uint8Array;
          for (let i = 0; i < b.length; i++) {
            ran = true;
            oneIteration(i, new GoNumber('uint8', b[i]));
          }
          break;
        }
        case 'map': {
          const iface = elemIsInterface(typeName(val));
          for (const e of sortedMapEntries(val as object)) {
            ran = true;
            oneIteration(e.key, iface || e.value === undefined ? box(e.value) : e.value);
          }
          break;
        }
        case 'invalid':
        case 'nil':
          break;
        default:
          this.errorf(`range can't iterate over ${printForTemplate(val)}`);
      }
    } catch (e) {
      if (e === BREAK) {
        this.vars.length = mark0;
        return;
      }
      throw e;
    }
    if (!ran && r.elseList !== null) this.walk(dot, r.elseList);
    this.vars.length = mark0;
  }

  private walkTemplate(dot0: Value, t: TemplateNode): void {
    this.at(t);
    const tree = this.set.trees.get(t.name);
    if (tree === undefined) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const dot = this.evalPipeline(dot0, t.pipe);
    const sub = new State(t.name, this.set, this.funcs, this.missingKey, this.depth + 1, dot);
    sub.node = this.node;
    try {
      sub.walk(dot, tree.root);
    } finally {
      this.out += sub.out;
    }
  }

  // -- evaluation ------------------------------------------------------------

  evalPipeline(dot: Value, pipe: PipeNode | null): Value {
    if (pipe === null) return undefined;
    this.node = pipe;
    let value: Value = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i], value);
      if (value instanceof Iface) value = value.v;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  private notAFunction(args: ArgNode[] | null, final: Value): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args![0])}`);
    }
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Value): Value {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      // falls through (errorf never returns)
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  private idealConstant(n: NumberNode): Value {
    this.at(n);
    if (n.isComplex) return new GoComplex(n.re, n.im);
    const isHexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    const isRuneInt = n.text[0] === "'";
    if (n.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(n.text)) return new GoNumber('float64', n.float);
    if (n.isInt) return Number.isSafeInteger(Number(n.int)) ? Number(n.int) : n.int;
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: Value, field: FieldNode, args: ArgNode[] | null, final: Value): Value {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: Value, chain: ChainNode, args: ArgNode[] | null, final: Value): Value {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Value, variable: VariableNode, args: ArgNode[] | null, final: Value): Value {
    this.at(variable);
    const value = this.varValue(variable.ident[0]);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: Value,
    receiver0: Value,
    node: Node,
    ident: string[],
    args: ArgNode[] | null,
    final: Value,
  ): Value {
    let receiver = receiver0;
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver, false);
    return this.evalField(dot, ident[n - 1], node, args, final, receiver, true);
  }

  private evalFunction(dot: Value, node: IdentifierNode, cmd: Node, args: ArgNode[] | null, final: Value): Value {
    this.at(node);
    const name = node.ident;
    const fn = this.funcs.get(name) ?? BUILTIN_FUNCS.get(name);
    if (fn === undefined) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, undefined, cmd, name, args, final);
  }

  private evalField(
    dot: Value,
    fieldName: string,
    node: Node,
    args: ArgNode[] | null,
    final: Value,
    receiver0: Value,
    last = true,
  ): Value {
    let receiver = receiver0;
    if (receiver === undefined) {
      if (this.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    if (receiver === null || receiver === NIL_IFACE) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    // Error messages name the static type, which is interface {} for boxed values.
    let boxed = false;
    if (receiver instanceof Iface) {
      boxed = true;
      receiver = receiver.v;
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    const kind = kindOf(receiver);
    if (kind === 'struct') {
      const v = structGet(receiver as object, fieldName);
      const isMethod = typeof v === 'function' && !isFuncValue(v);
      if (isMethod && isExported(fieldName)) {
        return this.callMethod(dot, v as (...a: unknown[]) => unknown, receiver, node, fieldName, args, final);
      }
      if (v !== NOT_FOUND && !isMethod) {
        if (!isExported(fieldName)) this.errorf(`${fieldName} is an unexported field of struct type ${staticType(boxed, receiver)}`);
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return v === undefined ? NIL_IFACE : v;
      }
    } else if (kind === 'map') {
      const realType = typeName(receiver);
      if (realType.startsWith('map[string]') || receiver instanceof Map || !realType.startsWith('map[')) {
        let v = mapGetValue(receiver as object, fieldName);
        if (v === NOT_FOUND && !isPlainObject(receiver as object)) {
          // An unmarked class instance: its prototype's methods are methods too.
          const m = structGet(receiver as object, fieldName);
          if (typeof m === 'function') v = m;
        }
        if (typeof v === 'function' && !isFuncValue(v)) {
          // Plain-object contexts may expose methods as function-valued properties.
          return this.callMethod(dot, v as (...a: unknown[]) => unknown, receiver, node, fieldName, args, final);
        }
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        if (v === NOT_FOUND) {
          switch (this.missingKey) {
            case 'zero':
              return zeroValue(elemType(realType));
            case 'error':
              this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
            // falls through (errorf never returns)
            default:
              return undefined;
          }
        }
        if (v === undefined) return NIL_IFACE;
        if (!elemIsInterface(realType)) return v;
        // The last value of a chain is unwrapped right away; only nil needs remembering.
        return last && v !== null ? v : box(v);
      }
    } else if (receiver instanceof GoNil) {
      this.errorf(`nil pointer evaluating ${staticType(boxed, receiver)}.${fieldName}`);
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${staticType(boxed, receiver)}`);
  }

  /** Calls a method; the common case (no arguments, no declared signature) takes a short path. */
  private callMethod(
    dot: Value,
    fn: (...a: unknown[]) => unknown,
    receiver: Value,
    node: Node,
    name: string,
    args: ArgNode[] | null,
    final: Value,
  ): Value {
    if ((args === null || args.length <= 1) && final === MISSING && fn.length === 0 && (fn as { [GO_FUNC]?: unknown })[GO_FUNC] === undefined) {
      try {
        return fn.call(receiver);
      } catch (e) {
        this.callFailed(e, node, name);
      }
    }
    return this.evalCall(dot, resolveUserFunc(name, fn), receiver, node, name, args, final);
  }

  private callFailed(e: unknown, node: Node, name: string): never {
    if (e instanceof TemplateExecError || e === BREAK || e === CONTINUE) throw e;
    this.at(node);
    const msg = e instanceof Error ? e.message : String(e);
    this.errorf(`error calling ${name}: ${msg}`);
  }

  private evalCall(
    dot: Value,
    fn: ResolvedFunc,
    self: Value,
    node: Node,
    name: string,
    args0: ArgNode[] | null,
    final: Value,
  ): Value {
    const args = args0 !== null ? args0.slice(1) : [];
    const params = fn.params;
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic !== null) {
      numFixed = params.length;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${args.length}`);
      }
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }

    if (fn.builtin && (name === 'and' || name === 'or')) {
      let v: Value = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, 'reflect.Value', arg);
        if (isTrue(unbox(v)) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'reflect.Value');
      return v;
    }

    const argv: Value[] = new Array(numIn);
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv[i] = this.evalArg(dot, params[i], args[i]);
    if (fn.variadic !== null) {
      for (; i < args.length; i++) argv[i] = this.evalArg(dot, fn.variadic, args[i]);
    }
    if (final !== MISSING) {
      let t: GoParamType = params[params.length - 1];
      if (fn.variadic !== null) t = numIn - 1 < numFixed ? params[numIn - 1] : fn.variadic;
      argv[i] = this.validateType(final, t);
    }

    if (fn.builtin) {
      // Builtins see a nil interface{} as a nil pointer and other interface values unwrapped.
      for (let k = 0; k < argv.length; k++) {
        const a = argv[k];
        if (a instanceof Iface) argv[k] = a.v === undefined ? null : a.v;
      }
    }
    if (fn.builtin && name === 'call') {
      const calleeName = args.length === 0 ? String(final) : nodeString(args[0]);
      return this.safeCall(node, name, () => this.callFunc(calleeName, argv[0], argv.slice(1)));
    }
    try {
      return fn.call(argv, self);
    } catch (e) {
      this.callFailed(e, node, name);
    }
  }

  private safeCall(node: Node, name: string, f: () => Value): Value {
    try {
      return f();
    } catch (e) {
      this.callFailed(e, node, name);
    }
  }

  /** The `call` builtin: calls a func value found in the data. */
  private callFunc(name: string, fn: Value, args: Value[]): Value {
    if (fn === undefined || fn === null) throw new Error('call of nil');
    if (typeof fn !== 'function') throw new Error(`non-function ${name} of type ${typeName(fn)}`);
    const r = resolveUserFunc(name, fn as (...a: unknown[]) => unknown);
    if (r.variadic !== null) {
      if (args.length < r.params.length) {
        throw new Error(`wrong number of args for ${name}: got ${args.length} want at least ${r.params.length}`);
      }
    } else if (args.length !== r.params.length) {
      throw new Error(`wrong number of args for ${name}: got ${args.length} want ${r.params.length}`);
    }
    args.forEach((a, k) => {
      const t = k < r.params.length ? r.params[k] : r.variadic!;
      if (a === undefined && !canBeNil(t)) throw new Error(`arg ${k}: value is nil; should be of type ${t}`);
      if (a !== undefined && !assignable(a, t)) throw new Error(`arg ${k}: value has type ${typeName(a)}; should be ${t}`);
    });
    return r.call(args, undefined);
  }

  private validateType(value0: Value, typ: GoParamType | null): Value {
    if (value0 instanceof Iface) {
      if (typ === 'reflect.Value') return value0;
      if (value0.v === undefined && typ !== null && typ !== 'any') {
        this.errorf(`wrong type for value; expected ${typ}; got interface {}`);
      }
    }
    const value = unbox(value0);
    if (value === undefined) {
      if (typ === null) return undefined;
      if (canBeNil(typ)) return zeroOfParam(typ);
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === null || typ === 'any' || typ === 'reflect.Value') return value;
    if (!assignable(value, typ)) this.errorf(`wrong type for value; expected ${typ}; got ${typeName(value)}`);
    return value;
  }

  private evalArg(dot: Value, typ: GoParamType | null, n: ArgNode): Value {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (canBeNil(typ)) return zeroOfParam(typ);
        this.errorf(`cannot assign nil to ${typ}`);
      // falls through (errorf never returns)
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case 'float64':
        if (n.type === 'number' && n.isFloat) return n.float;
        this.errorf(`expected float; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case 'int':
        if (n.type === 'number' && n.isInt) return Number(n.int);
        this.errorf(`expected integer; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case 'int64':
        if (n.type === 'number' && n.isInt) return new GoNumber('int64', Number(n.int));
        this.errorf(`expected integer; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
      // falls through (errorf never returns)
      case null:
      case 'any':
      case 'reflect.Value':
        return this.evalEmptyInterface(dot, n);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  }

  private evalEmptyInterface(dot: Value, n: ArgNode): Value {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: Node, v: Value): void {
    this.at(n);
    if (typeof v === 'string') {
      this.out += v;
      return;
    }
    if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    this.out += v === undefined ? '<no value>' : printForTemplate(v);
  }
}

function countChar(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Executes the template `name` of `set` on `data`. */
export function executeTree(
  set: TemplateSet,
  name: string,
  data: Value,
  funcs: Map<string, ResolvedFunc>,
  missingKey: MissingKey,
): string {
  const tree = set.trees.get(name);
  if (data === null) data = undefined; // Execute(w, nil)
  const state = new State(name, set, funcs, missingKey, 0, data);
  if (tree === undefined) return state.errorf(`${goQuote(name)} is an incomplete or empty template`);
  try {
    state.walk(data, tree.root);
  } catch (e) {
    if (e instanceof TemplateExecError) e.partial = state.out;
    throw e;
  }
  return state.out;
}
