// $(( … )) arithmetic: integers, + - * / % ** << >> & | ^ ~ !, comparisons, && ||, ?:, = and op=.

export class ArithError extends Error {}

export function evalArith(expr: string, get: (name: string) => string | undefined, set: (name: string, v: string) => void): number {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|\+\+|--|[-+*/%()<>!~&|^?:=]|\S/g) ?? [];
  let p = 0;
  const peek = () => toks[p];
  const next = () => toks[p++];
  const val = (name: string): number => {
    const v = get(name);
    if (v === undefined || v === '') return 0;
    if (/^-?\d+$/.test(v.trim())) return Number(v.trim());
    if (/^[A-Za-z_]\w*$/.test(v.trim())) return val(v.trim());
    throw new ArithError(v);
  };
  const trunc = (n: number) => (n < 0 ? Math.ceil(n) : Math.floor(n));

  function primary(): number {
    const t = next();
    if (t === undefined) throw new ArithError('syntax');
    if (t === '(') {
      const v = comma();
      if (next() !== ')') throw new ArithError('syntax');
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (t === '~') return ~primary();
    if (t === '++' || t === '--') {
      const name = next()!;
      const v = val(name) + (t === '++' ? 1 : -1);
      set(name, String(v));
      return v;
    }
    if (/^\d+$/.test(t)) return t.length > 1 && t.startsWith('0') ? parseInt(t, 8) : Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const op = peek();
      if (op === '=' ) {
        p++;
        const v = assign();
        set(t, String(v));
        return v;
      }
      if (op && /^([-+*/%&|^]|<<|>>)=$/.test(op)) {
        p++;
        const rhs = assign();
        const v = binop(op.slice(0, -1), val(t), rhs);
        set(t, String(v));
        return v;
      }
      if (op === '++' || op === '--') {
        p++;
        const v = val(t);
        set(t, String(v + (op === '++' ? 1 : -1)));
        return v;
      }
      return val(t);
    }
    throw new ArithError('syntax');
  }
  function binop(op: string, a: number, b: number): number {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': if (b === 0) throw new ArithError('division by 0'); return trunc(a / b);
      case '%': if (b === 0) throw new ArithError('division by 0'); return a % b;
      case '**': return a ** b;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '||': return a || b ? 1 : 0;
    }
    throw new ArithError('syntax');
  }
  const levels: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'], ['**']];
  function level(i: number): number {
    if (i === levels.length) return primary();
    let v = level(i + 1);
    while (peek() !== undefined && levels[i]!.includes(peek()!)) {
      const op = next()!;
      v = binop(op, v, level(i + 1));
    }
    return v;
  }
  function ternary(): number {
    const c = level(0);
    if (peek() === '?') {
      p++;
      const a = assign();
      if (next() !== ':') throw new ArithError('syntax');
      const b = assign();
      return c ? a : b;
    }
    return c;
  }
  function assign(): number {
    return ternary();
  }
  function comma(): number {
    let v = assign();
    while (peek() === ',') {
      p++;
      v = assign();
    }
    return v;
  }
  if (!toks.length) return 0;
  const v = comma();
  if (p < toks.length) throw new ArithError('syntax');
  return v;
}
