/**
 * Parser from tokens to a tree, following Go's text/template/parse grammar and its error
 * messages (`template: NAME:LINE: ...`).
 */

import { Item, Lexer, Tok, goQuote } from './lexer.js';
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  EndElseNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes.js';
import { nodeString } from './nodes.js';
import { TemplateParseError } from './errors.js';
import { SyntaxError_, parseGoFloat, parseGoInt, unquote, unquoteChar } from './strconv.js';

export interface ParsedTree {
  name: string;
  root: ListNode;
}

const MAX_STACK_DEPTH = 10000;

/** Go's item.String(), used in "unexpected X in Y" messages. */
function itemString(i: Item): string {
  if (i.typ === Tok.EOF) return 'EOF';
  if (i.typ === Tok.Error) return i.val;
  if (i.typ > Tok.Keyword) return `<${i.val}>`;
  if (i.val.length > 10) return goQuotePrefix(i.val, 10) + '...';
  return goQuote(i.val);
}

/** `%.10q`: quote the first n runes. */
function goQuotePrefix(s: string, n: number): string {
  return goQuote(Array.from(s).slice(0, n).join(''));
}

function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return n.text.trim().length === 0;
    default:
      return false;
  }
}

/** Parses `text`; returns all trees (the main one under `name`, plus `define`d ones). */
export function parseTrees(name: string, text: string, hasFunction: (name: string) => boolean): Map<string, ParsedTree> {
  const treeSet = new Map<string, ParsedTree>();
  const lexer = new Lexer(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') });
  const shared: Shared = { lex: lexer, token: [], peekCount: 0, treeSet, parseName: name, hasFunction };
  const t = new TreeParser(name, shared);
  t.parse();
  t.add();
  return treeSet;
}

interface Shared {
  lex: Lexer;
  /** Three-token lookahead, shared between the trees of one parse (as Go shares its lexer). */
  token: Item[];
  peekCount: number;
  treeSet: Map<string, ParsedTree>;
  parseName: string;
  hasFunction: (name: string) => boolean;
}

class TreeParser {
  root: ListNode | null = null;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  private stackDepth = 0;

  constructor(
    public name: string,
    private readonly s: Shared,
  ) {}

  // -- token stream ------------------------------------------------------

  private next(): Item {
    const s = this.s;
    if (s.peekCount > 0) s.peekCount--;
    else s.token[0] = s.lex.nextItem();
    return s.token[s.peekCount];
  }

  private backup(): void {
    this.s.peekCount++;
  }

  private backup2(t1: Item): void {
    this.s.token[1] = t1;
    this.s.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.s.token[1] = t1;
    this.s.token[2] = t2;
    this.s.peekCount = 3;
  }

  private peek(): Item {
    const s = this.s;
    if (s.peekCount > 0) return s.token[s.peekCount - 1];
    s.peekCount = 1;
    s.token[0] = s.lex.nextItem();
    return s.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === Tok.Space);
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // -- errors ------------------------------------------------------------

  errorf(msg: string): never {
    this.root = null;
    const line = this.s.token[0]?.line ?? 1;
    throw new TemplateParseError(`template: ${this.s.parseName}:${line}: ${msg}`);
  }

  private expect(expected: Tok, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: Tok, e2: Tok, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === Tok.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.s.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // -- tree set ------------------------------------------------------------

  add(): void {
    const existing = this.s.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing.root)) {
      this.s.treeSet.set(this.name, { name: this.name, root: this.root! });
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }

  private child(name: string): TreeParser {
    return new TreeParser(name, this.s);
  }

  // -- grammar -------------------------------------------------------------

  parse(): void {
    this.root = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== Tok.EOF) {
      if (this.peek().typ === Tok.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === Tok.Define) {
          const newT = this.child('definition');
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      else this.root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(Tok.String, Tok.RawString, context);
    try {
      this.name = unquote(name.val);
    } catch (e) {
      if (e instanceof SyntaxError_) this.errorf(e.message);
      throw e;
    }
    this.expect(Tok.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  private itemList(): [ListNode, EndElseNode] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== Tok.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Tok.Text:
        return { type: 'text', pos: token.pos, text: token.val };
      case Tok.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Tok.Block:
        return this.blockControl();
      case Tok.Break:
        return this.breakControl(token.pos, token.line, 'break');
      case Tok.Continue:
        return this.breakControl(token.pos, token.line, 'continue');
      case Tok.Else:
        return this.elseControl();
      case Tok.End:
        return this.endControl();
      case Tok.If:
        return this.ifControl();
      case Tok.Range:
        return this.rangeControl();
      case Tok.Template:
        return this.templateControl();
      case Tok.With:
        return this.withControl();
    }
    this.backup();
    const tok = this.peek();
    return { type: 'action', pos: tok.pos, line: tok.line, pipe: this.pipeline('command', Tok.RightDelim) };
  }

  private breakControl(pos: number, line: number, kind: 'break' | 'continue'): Node {
    const token = this.nextNonSpace();
    if (token.typ !== Tok.RightDelim) this.unexpected(token, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return { type: kind, pos, line };
  }

  private pipeline(context: string, end: Tok): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: [] };
    // Declarations or assignments?
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== Tok.Variable) break;
      this.next();
      // Space is a token, so look three tokens ahead: in "$x foo" $x is an argument.
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === Tok.Assign || next.typ === Tok.Declare) {
        pipe.isAssign = next.typ === Tok.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === Tok.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === Tok.Variable || p === Tok.RightDelim || p === Tok.RightParen) continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === Tok.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case Tok.Bool:
        case Tok.CharConstant:
        case Tok.Complex:
        case Tok.Dot:
        case Tok.Field:
        case Tok.Identifier:
        case Tok.Number:
        case Tok.Nil:
        case Tok.RawString:
        case Tok.String:
        case Tok.Variable:
        case Tok.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    for (let i = 1; i < pipe.cmds.length; i++) {
      const t = pipe.cmds[i].args[0].type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private parseControl(context: 'if' | 'range' | 'with'): Omit<BranchNode, 'type'> {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, Tok.RightDelim);
      if (context === 'range') this.rangeDepth++;
      const [list, next0] = this.itemList();
      let next = next0;
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        // "else if" and "else with" are parsed as {{else}}{{if ...}}...{{end}}{{end}}.
        if (context === 'if' && this.peek().typ === Tok.If) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.ifControl()] };
        } else if (context === 'with' && this.peek().typ === Tok.With) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.withControl()] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private ifControl(): BranchNode {
    return { type: 'if', ...this.parseControl('if') };
  }

  private rangeControl(): BranchNode {
    return { type: 'range', ...this.parseControl('range') };
  }

  private withControl(): BranchNode {
    return { type: 'with', ...this.parseControl('with') };
  }

  private endControl(): EndElseNode {
    return { type: 'end', pos: this.expect(Tok.RightDelim, 'end').pos };
  }

  private elseControl(): EndElseNode {
    const peek = this.peekNonSpace();
    if (peek.typ === Tok.If || peek.typ === Tok.With) return { type: 'else', pos: peek.pos };
    const token = this.expect(Tok.RightDelim, 'else');
    return { type: 'else', pos: token.pos };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, Tok.RightDelim);
    const block = this.child(name);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== Tok.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, Tok.RightDelim);
    }
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === Tok.String || token.typ === Tok.RawString) {
      try {
        return unquote(token.val);
      } catch (e) {
        if (e instanceof SyntaxError_) this.errorf(e.message);
        throw e;
      }
    }
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === Tok.Space) continue;
      if (token.typ === Tok.RightDelim || token.typ === Tok.RightParen) this.backup();
      else if (token.typ !== Tok.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (node === null) return null;
    if (this.peek().typ === Tok.Field) {
      const pos = this.peek().pos;
      const fields: string[] = [];
      while (this.peek().typ === Tok.Field) fields.push(this.next().val.slice(1));
      switch (node.type) {
        case 'field':
          return { type: 'field', pos, ident: [...node.ident, ...fields] };
        case 'variable':
          return { type: 'variable', pos, ident: [...node.ident, ...fields] };
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
        // falls through (errorf never returns)
        default:
          return { type: 'chain', pos, node, field: fields };
      }
    }
    return node;
  }

  private term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Tok.Identifier:
        if (!this.s.hasFunction(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case Tok.Dot:
        return { type: 'dot', pos: token.pos };
      case Tok.Nil:
        return { type: 'nil', pos: token.pos };
      case Tok.Variable:
        return this.useVar(token.pos, token.val);
      case Tok.Field:
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case Tok.Bool:
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case Tok.CharConstant:
      case Tok.Complex:
      case Tok.Number:
        return this.newNumber(token.pos, token.val, token.typ);
      case Tok.LeftParen: {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', Tok.RightParen);
        } finally {
          this.stackDepth--;
        }
      }
      case Tok.String:
      case Tok.RawString: {
        let text: string;
        try {
          text = unquote(token.val);
        } catch (e) {
          if (e instanceof SyntaxError_) this.errorf(e.message);
          throw e;
        }
        return { type: 'string', pos: token.pos, quoted: token.val, text };
      }
    }
    this.backup();
    return null;
  }

  private newVariable(pos: number, ident: string): VariableNode {
    return { type: 'variable', pos, ident: ident.split('.') };
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (this.vars.includes(v.ident[0])) return v;
    this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
  }

  private newNumber(pos: number, text: string, typ: Tok): NumberNode {
    const n: NumberNode = {
      type: 'number', pos, text,
      isInt: false, isUint: false, isFloat: false, isComplex: false,
      int: 0n, float: 0, re: 0, im: 0,
    };
    if (typ === Tok.CharConstant) {
      let r;
      try {
        r = unquoteChar(text, 1, text[0]);
      } catch (e) {
        if (e instanceof SyntaxError_) this.errorf(e.message);
        throw e;
      }
      if (text.slice(r.next) !== "'") this.errorf(`malformed character constant: ${text}`);
      n.isInt = n.isUint = n.isFloat = true;
      n.int = BigInt(r.value);
      n.float = r.value;
      return n;
    }
    if (typ === Tok.Complex) {
      const c = parseComplex(text);
      if (c === null) this.errorf(`illegal number syntax: ${goQuote(text)}`);
      n.isComplex = true;
      n.re = c[0];
      n.im = c[1];
      simplifyComplex(n);
      return n;
    }
    if (text.endsWith('i')) {
      const f = parseGoFloat(text.slice(0, -1));
      if (f !== null) {
        n.isComplex = true;
        n.re = 0;
        n.im = f;
        simplifyComplex(n);
        return n;
      }
    }
    const u = parseGoInt(text, false);
    if (u !== null) {
      n.isUint = true;
      n.int = u;
    }
    const i = parseGoInt(text, true);
    if (i !== null) {
      n.isInt = true;
      n.int = i;
      if (i === 0n) n.isUint = true;
    }
    if (n.isInt || n.isUint) {
      n.isFloat = true;
      n.float = Number(n.int);
    } else {
      const f = parseGoFloat(text);
      if (f !== null) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${goQuote(text)}`);
        n.isFloat = true;
        n.float = f;
        if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
          n.isInt = true;
          n.int = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.int = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${goQuote(text)}`);
    return n;
  }
}

function simplifyComplex(n: NumberNode): void {
  n.isFloat = n.im === 0;
  if (n.isFloat) {
    n.float = n.re;
    n.isInt = Number.isInteger(n.re) && Math.abs(n.re) < 2 ** 63;
    if (n.isInt) n.int = BigInt(n.re);
    n.isUint = Number.isInteger(n.re) && n.re >= 0 && n.re < 2 ** 64;
    if (n.isUint) n.int = BigInt(n.re);
  }
}

function parseComplex(text: string): [number, number] | null {
  for (let k = text.length - 2; k > 0; k--) {
    const c = text[k];
    if ((c === '+' || c === '-') && !/[eEpP]/.test(text[k - 1])) {
      const re = parseGoFloat(text.slice(0, k));
      const im = parseGoFloat(text.slice(k, -1));
      if (re === null || im === null) return null;
      return [re, im];
    }
  }
  return null;
}
