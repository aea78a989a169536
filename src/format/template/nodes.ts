/** Parse-tree nodes and their Go-style `String()` forms (used in error contexts). */

import { goQuote } from './lexer.js';

export interface NodeBase {
  /** JS string index of the node in the template text. */
  pos: number;
}

export interface ListNode extends NodeBase {
  type: 'list';
  nodes: Node[];
}
export interface TextNode extends NodeBase {
  type: 'text';
  text: string;
}
export interface ActionNode extends NodeBase {
  type: 'action';
  line: number;
  pipe: PipeNode;
}
export interface BranchNode extends NodeBase {
  type: 'if' | 'range' | 'with';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
export interface TemplateNode extends NodeBase {
  type: 'template';
  line: number;
  name: string;
  pipe: PipeNode | null;
}
export interface BreakNode extends NodeBase {
  type: 'break' | 'continue';
  line: number;
}
/** `{{end}}` and `{{else}}`: only seen while parsing. */
export interface EndElseNode extends NodeBase {
  type: 'end' | 'else';
}
export interface PipeNode extends NodeBase {
  type: 'pipe';
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode extends NodeBase {
  type: 'command';
  args: ArgNode[];
}
export interface FieldNode extends NodeBase {
  type: 'field';
  ident: string[];
}
export interface ChainNode extends NodeBase {
  type: 'chain';
  node: ArgNode;
  field: string[];
}
export interface VariableNode extends NodeBase {
  type: 'variable';
  ident: string[];
}
export interface IdentifierNode extends NodeBase {
  type: 'identifier';
  ident: string;
}
export interface DotNode extends NodeBase {
  type: 'dot';
}
export interface NilNode extends NodeBase {
  type: 'nil';
}
export interface BoolNode extends NodeBase {
  type: 'bool';
  value: boolean;
}
export interface StringNode extends NodeBase {
  type: 'string';
  quoted: string;
  text: string;
}
export interface NumberNode extends NodeBase {
  type: 'number';
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  /** Integer value (exact) when isInt or isUint. */
  int: bigint;
  float: number;
  re: number;
  im: number;
}

export type ArgNode =
  | FieldNode
  | ChainNode
  | VariableNode
  | IdentifierNode
  | DotNode
  | NilNode
  | BoolNode
  | StringNode
  | NumberNode
  | PipeNode;

export type Node = ListNode | TextNode | ActionNode | BranchNode | TemplateNode | BreakNode | EndElseNode | PipeNode | CommandNode | ArgNode;

export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return n.text;
    case 'action':
      return '{{' + nodeString(n.pipe) + '}}';
    case 'if':
    case 'range':
    case 'with':
      return (
        '{{' + n.type + ' ' + nodeString(n.pipe) + '}}' + nodeString(n.list) +
        (n.elseList ? '{{else}}' + nodeString(n.elseList) : '') + '{{end}}'
      );
    case 'template':
      return '{{template ' + goQuote(n.name) + (n.pipe ? ' ' + nodeString(n.pipe) : '') + '}}';
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) s = n.decl.map(nodeString).join(', ') + ' := ';
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? '(' + nodeString(a) + ')' : nodeString(a))).join(' ');
    case 'field':
      return '.' + n.ident.join('.');
    case 'chain':
      return (n.node.type === 'pipe' ? '(' + nodeString(n.node) + ')' : nodeString(n.node)) + '.' + n.field.join('.');
    case 'variable':
      return n.ident.join('.');
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'string':
      return n.quoted;
    case 'number':
      return n.text;
  }
}
