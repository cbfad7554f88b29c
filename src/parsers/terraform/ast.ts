/** Syntax tree of HCL native syntax (and of `.tf.json`, which the JSON reader turns into the same tree). Offsets are UTF-16 indexes into the file text. */

export interface Range {
  start: number;
  end: number;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  | { t: 'lit'; v: string | number | boolean | null; r: Range }
  | { t: 'tmpl'; parts: TemplatePart[]; r: Range }
  | { t: 'tuple'; items: Expr[]; r: Range }
  | { t: 'object'; items: ObjectItem[]; r: Range }
  | { t: 'var'; name: string; r: Range }
  | { t: 'getattr'; obj: Expr; name: string; r: Range }
  | { t: 'index'; obj: Expr; key: Expr; r: Range }
  | { t: 'splat'; src: Expr; each: Expr; r: Range }
  /** The element a splat's `each` traversal applies to. */
  | { t: 'splatitem'; r: Range }
  | { t: 'call'; name: string; args: Expr[]; expand: boolean; r: Range }
  | { t: 'cond'; cond: Expr; then: Expr; else: Expr; r: Range }
  | { t: 'binop'; op: BinaryOp; left: Expr; right: Expr; r: Range }
  | { t: 'unop'; op: '!' | '-'; e: Expr; r: Range }
  | { t: 'paren'; e: Expr; r: Range }
  | ForExpr
  /** Stands in for an expression that did not parse; evaluates to unknown. */
  | { t: 'invalid'; r: Range };

export interface ForExpr {
  t: 'for';
  keyVar: string | undefined;
  valVar: string;
  coll: Expr;
  /** Set for `{for … : k => v}`. */
  keyExpr: Expr | undefined;
  valExpr: Expr;
  cond: Expr | undefined;
  /** `{for … : k => v...}` groups values of equal keys into lists. */
  group: boolean;
  r: Range;
}

export interface ObjectItem {
  key: Expr;
  /** The key as written when it is a bare identifier or a plain string (static), for source positions. */
  staticKey: string | undefined;
  value: Expr;
  r: Range;
}

export type TemplatePart =
  | { t: 'lit'; s: string; r: Range }
  | { t: 'interp'; e: Expr; r: Range }
  | { t: 'if'; cond: Expr; then: TemplatePart[]; else: TemplatePart[]; r: Range }
  | { t: 'for'; keyVar: string | undefined; valVar: string; coll: Expr; body: TemplatePart[]; r: Range };

export interface Attribute {
  kind: 'attribute';
  name: string;
  nameRange: Range;
  expr: Expr;
  /** From the name to the end of the expression. */
  r: Range;
}

export interface Block {
  kind: 'block';
  type: string;
  typeRange: Range;
  labels: { value: string; r: Range }[];
  body: Body;
  /** From the type name to the closing brace. */
  r: Range;
  /** Offset just past the opening brace: the header is `r.start .. headerEnd`. */
  headerEnd: number;
}

export interface Body {
  items: (Attribute | Block)[];
  r: Range;
}

export interface Comment {
  start: number;
  end: number;
  text: string;
}
