import type { CheckMetaInput } from '../../core/check-meta.js';
import type { ConfigObject } from '../../core/config-object.js';
import type { DataPath } from '../../core/location.js';
import { defineCheck, type Check } from '../define-check.js';
import { findInlineCredentials, looksLikeCredentialName, isPlaceholderValue, describeInline } from './credentials.js';
import type { ObjectIndex } from './object-index.js';
import { blocksAt, boolOf, isObj, listOf, strOf, type Obj } from './terraform-cloud.js';
import { isUnknown, refersTo, refsOf, relatedResources } from './terraform.js';

/**
 * Helpers shared by the AWS Terraform checks: resources that configure another one (the AWS provider v4+ split of
 * `aws_s3_bucket` into `aws_s3_bucket_versioning`, `…_logging`, `…_public_access_block`, …), security group rules in
 * their four spellings, IAM policy documents (JSON strings, `jsonencode` objects and `data "aws_iam_policy_document"`),
 * credentials in user data, and the check families whose members differ only in a setting, port or service.
 * Tri-state attribute reads and nested blocks come from ./terraform-cloud.ts; generic resource lookups from ./terraform.ts.
 */

// ---------------------------------------------------------------------------------------------------------------
// Settings

/** A boolean that must be on: it is off, or unset where the provider default is off. Unknown values are not judged. */
export function offOrUnset(v: unknown): boolean {
  const b = boolOf(v);
  return b === false || b === 'unset';
}

/** A boolean that is explicitly on (`true` / `"true"`). */
export function isOn(v: unknown): boolean {
  return boolOf(v) === true;
}

/** A boolean that is explicitly off. */
export function isOff(v: unknown): boolean {
  return boolOf(v) === false;
}

/** A number attribute: the number, `'unset'`, or `'unknown'` (an unknown, or text that is not a number). */
export function numOf(v: unknown): number | 'unset' | 'unknown' {
  if (v === undefined || v === null) return 'unset';
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'unknown';
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return 'unknown';
}

/** True when a string attribute is set to something (an unknown counts as set: the value only exists at apply time). */
export function isSetString(v: unknown): boolean {
  const s = strOf(v);
  return s === null || (s !== undefined && s.trim() !== '');
}

// ---------------------------------------------------------------------------------------------------------------
// Resources that configure another resource

export interface Linked {
  /** Resources of the kind that configure the target (by reference or by the target's literal name). */
  linked: readonly ConfigObject[];
  /** A resource of the kind exists whose link cannot be known (`bucket = var.name`): it may configure the target. */
  unsure: boolean;
}

/**
 * Resources of `kind` whose `attr` points at `target`: by reference (`bucket = aws_s3_bucket.logs.id`) or by the
 * target's literal name (`bucket = "my-logs"` where the bucket sets `bucket = "my-logs"`), as Trivy links them.
 * `unsure` is set when a resource of `kind` has a link that cannot be known and may be the target's: it comes from
 * variables or data sources only, or it is computed from the same values as the target's own name
 * (`bucket = "logs-${random_pet.x.id}"` on both sides).
 */
export function linkedResources(index: ObjectIndex, kind: string, attr: string, target: ConfigObject): Linked {
  if (index.ofKind(kind).length === 0) return { linked: [], unsure: false };
  const linked = relatedResources(index, kind, attr, target);
  // Only candidates whose link is unknown can make the answer unsure; listed once per scan, not once per target.
  const unknowns = index.memo(`aws:unknownLinks:${kind}:${attr}`, () =>
    index
      .ofKind(kind)
      .filter((c) => isUnknown(c.value[attr]))
      .map((c) => ({ obj: c, refs: refsOf(c.value[attr]) })),
  );
  if (unknowns.length === 0) return { linked, unsure: false };
  const nameRefs = new Set(NAME_ATTRIBUTES.flatMap((a) => [...refsOf(target.value[a])]));
  const unsure = unknowns.some(
    (u) => !linked.includes(u.obj) && (u.refs.every(isDataSourceRef) || u.refs.some((r) => nameRefs.has(r))),
  );
  return { linked, unsure };
}

/** Attributes whose value other resources use to point at a resource by name. */
const NAME_ATTRIBUTES = ['id', 'name', 'bucket', 'arn'] as const;

/** `data.aws_s3_bucket.x`, `module.m.data.aws_vpc.main`: a lookup that may return a resource of this scan. */
function isDataSourceRef(ref: string): boolean {
  return ref.startsWith('data.') || ref.includes('.data.');
}

// ---------------------------------------------------------------------------------------------------------------
// Security group rules

export type RuleDirection = 'ingress' | 'egress';

export interface CidrAt {
  cidr: string;
  path: DataPath;
}

/** One security group rule, whatever resource spells it. */
export interface SgRule {
  direction: RuleDirection;
  /** Path of the rule in the resource: `['ingress', 0]` for an inline rule, `[]` for a rule resource. */
  path: DataPath;
  protocol: string | undefined | null;
  fromPort: number | 'unset' | 'unknown';
  toPort: number | 'unset' | 'unknown';
  /** Known CIDR blocks (IPv4 and IPv6) with their paths. */
  cidrs: CidrAt[];
  /** Where the rule's description belongs, and whether one is set. */
  descriptionPath: DataPath;
  hasDescription: boolean;
}

/** Kinds that carry security group rules. */
export const SG_RULE_KINDS = [
  'aws_security_group',
  'aws_default_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
] as const;

function cidrsAt(value: Obj, attr: string, base: DataPath): CidrAt[] {
  const list = listOf(value[attr]);
  const out: CidrAt[] = [];
  for (const { value: c, index } of list.items) {
    if (typeof c === 'string') out.push({ cidr: c, path: index === undefined ? [...base, attr] : [...base, attr, index] });
  }
  return out;
}

function ruleFrom(direction: RuleDirection, rule: Obj, base: DataPath, protocolAttr: string, cidrAttrs: readonly string[]): SgRule {
  return {
    direction,
    path: base,
    protocol: strOf(rule[protocolAttr]),
    fromPort: numOf(rule.from_port),
    toPort: numOf(rule.to_port),
    cidrs: cidrAttrs.flatMap((a) => cidrsAt(rule, a, base)),
    descriptionPath: [...base, 'description'],
    hasDescription: isSetString(rule.description),
  };
}

/** Every rule an object declares: inline `ingress`/`egress` blocks, or the rule the resource itself is. */
export function securityGroupRules(obj: ConfigObject): SgRule[] {
  const v = obj.value;
  switch (obj.kind) {
    case 'aws_security_group':
    case 'aws_default_security_group': {
      const out: SgRule[] = [];
      for (const direction of ['ingress', 'egress'] as const) {
        for (const b of blocksAt(v, direction).items) out.push(ruleFrom(direction, b.block, b.path, 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks']));
      }
      return out;
    }
    case 'aws_security_group_rule': {
      const type = strOf(v.type);
      if (type !== 'ingress' && type !== 'egress') return [];
      return [ruleFrom(type, v, [], 'protocol', ['cidr_blocks', 'ipv6_cidr_blocks'])];
    }
    case 'aws_vpc_security_group_ingress_rule':
      return [ruleFrom('ingress', v, [], 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6'])];
    case 'aws_vpc_security_group_egress_rule':
      return [ruleFrom('egress', v, [], 'ip_protocol', ['cidr_ipv4', 'cidr_ipv6'])];
    default:
      return [];
  }
}

/** `0.0.0.0/0`, `::/0` and their long spellings: every address. */
export function isWorldCidr(cidr: string): boolean {
  const c = cidr.trim().toLowerCase();
  const m = /^([0-9a-f:.]+)\/0$/.exec(c);
  return m !== null;
}

/** The world-open CIDRs of a rule. */
export function worldCidrs(rule: SgRule): CidrAt[] {
  return rule.cidrs.filter((c) => isWorldCidr(c.cidr));
}

const ALL_PROTOCOLS = new Set(['-1', 'all']);
const PORT_PROTOCOLS = new Set(['tcp', '6', 'udp', '17']);

/** 'all' for every protocol, 'ports' for TCP/UDP, 'other' (ICMP, ESP, …), 'unknown'. */
export function protocolClass(rule: SgRule): 'all' | 'ports' | 'other' | 'unknown' {
  if (rule.protocol === null || rule.protocol === undefined) return 'unknown';
  const p = rule.protocol.trim().toLowerCase();
  if (ALL_PROTOCOLS.has(p)) return 'all';
  if (PORT_PROTOCOLS.has(p)) return 'ports';
  return 'other';
}

/** True when the rule opens every port: protocol `-1`, or TCP/UDP 0/1–65535. */
export function opensAllPorts(rule: SgRule): boolean {
  const cls = protocolClass(rule);
  if (cls === 'all') return true;
  if (cls !== 'ports') return false;
  return typeof rule.fromPort === 'number' && typeof rule.toPort === 'number' && rule.fromPort <= 1 && rule.toPort >= 65535;
}

/** Whether the rule opens `port`; 'unknown' when protocol or ports cannot be known. */
export function opensPort(rule: SgRule, port: number): boolean | 'unknown' {
  const cls = protocolClass(rule);
  if (cls === 'all') return true;
  if (cls === 'other') return false;
  if (cls === 'unknown') return 'unknown';
  if (typeof rule.fromPort !== 'number' || typeof rule.toPort !== 'number') return 'unknown';
  return rule.fromPort <= port && port <= rule.toPort;
}

/** `22`, `0-1024`, `all ports` for messages. */
export function portText(rule: SgRule): string {
  if (opensAllPorts(rule)) return 'all ports';
  if (typeof rule.fromPort === 'number' && typeof rule.toPort === 'number') {
    return rule.fromPort === rule.toPort ? `port ${rule.fromPort}` : `ports ${rule.fromPort}-${rule.toPort}`;
  }
  return 'some ports';
}

// ---------------------------------------------------------------------------------------------------------------
// IAM policy documents

export interface PolicyStatement {
  index: number;
  sid: string | undefined;
  effect: string | undefined;
  /** Known action strings (`Action`); unknown elements are left out and `unknownActions` is set. */
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  /** `Principal` as written: `"*"`, `{ AWS: … }`, … (undefined when absent). */
  principal: unknown;
  hasCondition: boolean;
  /** The `Condition` object, when there is one. */
  condition: Obj | undefined;
  unknownActions: boolean;
  unknownResources: boolean;
  /** Where the statement is written, for documents built by `data "aws_iam_policy_document"` (`['statement', 2]`). */
  path?: DataPath;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
}

/** Largest policy text we parse: IAM caps documents at 6,144 (managed) to 20,480 (role) characters; leave headroom. */
const MAX_POLICY_CHARS = 1_000_000;

function stringsOf(v: unknown): { values: string[]; unknown: boolean } {
  if (v === undefined || v === null) return { values: [], unknown: false };
  if (isUnknown(v)) return { values: [], unknown: true };
  const list = Array.isArray(v) ? v : [v];
  const values: string[] = [];
  let unknown = false;
  for (const x of list) {
    if (typeof x === 'string') values.push(x);
    else unknown = true;
  }
  return { values, unknown };
}

/**
 * A policy document from an attribute: a JSON string (heredoc, `file()`, `jsonencode()` output) or an object.
 * Undefined when it cannot be read (unknown, a data source's `.json`, text that is not JSON): such a policy is not
 * judged. JSON.parse is enough here: IAM documents are strict JSON, and anything else is "cannot tell".
 */
export function policyDocument(v: unknown): PolicyDocument | undefined {
  let doc: unknown = v;
  if (typeof v === 'string') {
    if (v.length > MAX_POLICY_CHARS) return undefined;
    try {
      doc = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (!isObj(doc)) return undefined;
  const raw = doc.Statement;
  if (raw === undefined || raw === null) return { statements: [] };
  if (isUnknown(raw)) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  list.forEach((s, index) => {
    if (!isObj(s)) return;
    const actions = stringsOf(s.Action);
    const resources = stringsOf(s.Resource);
    const condition = isObj(s.Condition) && Object.keys(s.Condition).length > 0 ? s.Condition : undefined;
    statements.push({
      index,
      sid: typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined,
      effect: typeof s.Effect === 'string' ? s.Effect : undefined,
      actions: actions.values,
      notActions: stringsOf(s.NotAction).values,
      resources: resources.values,
      notResources: stringsOf(s.NotResource).values,
      principal: s.Principal,
      hasCondition: condition !== undefined || isUnknown(s.Condition),
      condition,
      unknownActions: actions.unknown,
      unknownResources: resources.unknown,
    });
  });
  return { statements };
}

export const POLICY_DOCUMENT_DATA_KIND = 'data.aws_iam_policy_document';

/**
 * The statements of a `data "aws_iam_policy_document"`, in the shape of a JSON policy. Undefined when the document
 * is merged with others (`source_policy_documents`, `override_policy_documents`, legacy `source_json` /
 * `override_json`): its final content is then not what the blocks say.
 */
export function policyFromDataSource(obj: ConfigObject): PolicyDocument | undefined {
  const v = obj.value;
  for (const merge of ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']) {
    if (v[merge] !== undefined && v[merge] !== null) return undefined;
  }
  const list = blocksAt(v, 'statement');
  if (list.unknown) return undefined;
  const statements = list.items.map((b, index): PolicyStatement => {
    const st = b.block;
    const actions = stringsOf(st.actions);
    const resources = stringsOf(st.resources);
    const principals = blocksAt(st, 'principals');
    let principal: unknown;
    if (principals.unknown) principal = UNKNOWN_PRINCIPAL;
    else if (principals.items.length > 0) {
      const map: Obj = {};
      for (const p of principals.items) {
        const type = strOf(p.block.type);
        if (typeof type !== 'string') {
          map['?'] = UNKNOWN_PRINCIPAL;
          continue;
        }
        const ids = stringsOf(p.block.identifiers);
        // `type = "*"`, `identifiers = ["*"]` is how the data source spells `"Principal": "*"`.
        if (type === '*' && ids.values.includes('*')) {
          principal = '*';
          break;
        }
        map[type] = [...(Array.isArray(map[type]) ? (map[type] as string[]) : []), ...ids.values];
      }
      principal ??= map;
    }
    const conditions = blocksAt(st, 'condition');
    const effect = strOf(st.effect);
    return {
      index,
      sid: typeof st.sid === 'string' && st.sid !== '' ? st.sid : undefined,
      effect: effect === undefined ? 'Allow' : effect === null ? undefined : effect,
      actions: actions.values,
      notActions: stringsOf(st.not_actions).values,
      resources: resources.values,
      notResources: stringsOf(st.not_resources).values,
      principal,
      hasCondition: conditions.unknown || conditions.items.length > 0,
      condition: conditionFromBlocks(conditions.items.map((c) => c.block)),
      unknownActions: actions.unknown,
      unknownResources: resources.unknown,
      path: b.path,
    };
  });
  return { statements };
}

/** A principal that cannot be known: never public, never anything else. */
const UNKNOWN_PRINCIPAL = Object.freeze({ '?': 'unknown' });

/** `condition { test, variable, values }` blocks as a JSON `Condition` object. */
function conditionFromBlocks(blocks: Obj[]): Obj | undefined {
  if (blocks.length === 0) return undefined;
  const out: Record<string, Obj> = {};
  for (const c of blocks) {
    const test = strOf(c.test);
    const variable = strOf(c.variable);
    if (typeof test !== 'string' || typeof variable !== 'string') continue;
    (out[test] ??= {})[variable] = stringsOf(c.values).values;
  }
  return out;
}

/**
 * A policy attribute read as a document: a JSON string or object, or a reference to a
 * `data "aws_iam_policy_document"` in the scan (`policy = data.aws_iam_policy_document.x.json`). Undefined when the
 * document cannot be known.
 */
export function resolvePolicy(index: ObjectIndex, v: unknown): PolicyDocument | undefined {
  const direct = policyDocument(v);
  if (direct || !isUnknown(v)) return direct;
  const refs = refsOf(v);
  if (refs.length !== 1 || !refs[0]!.includes(`${POLICY_DOCUMENT_DATA_KIND}.`)) return undefined;
  const candidates = index.ofKind(POLICY_DOCUMENT_DATA_KIND);
  const data = candidates.find((d) => d.name === refs[0]) ?? candidates.find((d) => refersTo(v, d));
  return data ? policyFromDataSource(data) : undefined;
}

export function isAllow(s: PolicyStatement): boolean {
  return s.effect === 'Allow';
}

/** `"Read"` or `#2` for messages. */
export function statementName(s: PolicyStatement): string {
  return s.sid !== undefined ? `"${s.sid}"` : `#${s.index + 1}`;
}

/** `*` (and `*:*`): every action of every service. */
export function isFullWildcardAction(a: string): boolean {
  const t = a.trim();
  return t === '*' || t === '*:*';
}

/** `s3:*`: every action of one service. */
export function isServiceWildcardAction(a: string): boolean {
  return /^[a-z0-9-]+:\*$/i.test(a.trim());
}

/** True when the principal is everyone: `"*"`, `{ AWS = "*" }` or a list holding `"*"`. */
export function isPublicPrincipal(p: unknown): boolean {
  if (p === '*') return true;
  if (!isObj(p)) return false;
  const aws = stringsOf(p.AWS).values;
  return aws.some((a) => a.trim() === '*');
}

/** Policy attributes of IAM resources, with the data path where each document lives. */
export function policyAttributes(obj: ConfigObject): { doc: unknown; path: DataPath }[] {
  const out: { doc: unknown; path: DataPath }[] = [];
  if (obj.value.policy !== undefined && obj.value.policy !== null) out.push({ doc: obj.value.policy, path: ['policy'] });
  // aws_iam_role inline_policy { name, policy } blocks.
  for (const b of blocksAt(obj.value, 'inline_policy').items) {
    if (b.block.policy !== undefined && b.block.policy !== null) out.push({ doc: b.block.policy, path: [...b.path, 'policy'] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Credentials in user data and environment variables

/** Access key IDs of long-lived (AKIA) and temporary (ASIA) AWS credentials. */
const AWS_ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/;

/**
 * User data is often base64 (`user_data_base64`, `base64encode()` in launch templates). Decode when the text is
 * strictly base64 and the result is readable text; otherwise keep the original.
 */
export function maybeBase64Decode(s: string, force = false): string {
  const t = s.replace(/\s+/g, '');
  if (t.length < 8 || t.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(t)) return s;
  const decoded = Buffer.from(t, 'base64').toString('utf8');
  if (force) return decoded;
  // Printable ratio: a random word that happens to be valid base64 decodes to binary noise.
  let printable = 0;
  for (const ch of decoded) if (/[\x20-\x7e\t\r\n]/.test(ch)) printable++;
  return decoded.length > 0 && printable / decoded.length > 0.95 ? decoded : s;
}

/**
 * `$(…)` (balanced, on one line) and `` `…` `` replaced by `${cmd}`. A hand-written scan rather than a regex: nested
 * parentheses need counting, and a regex retried from every `$(` of hostile input is quadratic.
 */
function withoutCommandSubstitutions(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '$' && text[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length && text[j] !== '\n'; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      if (j < text.length && text[j] === ')') {
        out += '${cmd}';
        i = j + 1;
        continue;
      }
      // Unclosed on this line: keep the text and resume after it, so no character is scanned twice.
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      // Only the text this step consumes is looked at again, so the scan stays linear.
      if (end !== -1 && !text.slice(i + 1, end).includes('\n')) {
        out += '${cmd}';
        i = end + 1;
        continue;
      }
      const nl = text.indexOf('\n', i + 1);
      const stop = nl === -1 ? text.length : nl;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** A human description of the credentials in a script or config text, or undefined when there are none. */
export function credentialsInText(text: string): string | undefined {
  const parts: string[] = [];
  if (AWS_ACCESS_KEY_ID.test(text)) parts.push('an AWS access key ID');
  // Boot scripts fetch secrets with command substitution (`PASSWORD=$(aws secretsmanager …)`): a value computed at
  // boot is not a literal. Rewritten to the `${…}` form the credential heuristics already treat as a reference.
  const shell = withoutCommandSubstitutions(text);
  const inline = findInlineCredentials(shell);
  if (inline.length > 0) parts.push(describeInline(inline));
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** Environment variables whose names say they hold a credential and whose values are literals. */
export function credentialVariables(vars: unknown): string[] {
  if (!isObj(vars)) return [];
  const out: string[] = [];
  for (const [name, val] of Object.entries(vars)) {
    if (typeof val !== 'string') continue;
    if (looksLikeCredentialName(name) && !isPlaceholderValue(val)) out.push(name);
    else if (AWS_ACCESS_KEY_ID.test(val)) out.push(name);
  }
  return out;
}

export { blocksAt, boolOf, isObj, listOf, strOf, type Obj };

// ---------------------------------------------------------------------------------------------------------------
// S3

/** Canned ACLs that grant access to everyone (`public-*`) or to every AWS account (`authenticated-read`). */
export const PUBLIC_CANNED_ACLS: ReadonlySet<string> = new Set(['public-read', 'public-read-write', 'authenticated-read']);

/** Grantee group URIs that mean everyone / every AWS account. */
export function isPublicGranteeUri(uri: string): boolean {
  return /\/groups\/global\/(AllUsers|AuthenticatedUsers)$/.test(uri.trim());
}

/**
 * True when `v` (an attribute of another resource) designates `target`: a reference to it, one of its literal names
 * (`id`, `name`, `bucket`, `arn`), or — for buckets — its `arn:aws:s3:::name[/prefix]` or `name.s3.amazonaws.com` form.
 */
export function mentions(v: unknown, target: ConfigObject): boolean {
  if (refersTo(v, target)) return true;
  if (typeof v !== 'string') return false;
  const name = target.value.bucket;
  if (typeof name !== 'string' || name === '') return false;
  // CloudFront logging takes the bucket's domain name.
  return v === `arn:aws:s3:::${name}` || v.startsWith(`arn:aws:s3:::${name}/`) || v === `${name}.s3.amazonaws.com`;
}

/** The buckets an S3 configuration resource (`aws_s3_bucket_acl`, `…_policy`, …) applies to. */
export function bucketsOf(index: ObjectIndex, sub: ConfigObject): ConfigObject[] {
  return index.ofKind('aws_s3_bucket').filter((b) => mentions(sub.value.bucket, b));
}

/**
 * True when the bucket receives logs from something in the scan: S3 access logs (`aws_s3_bucket_logging`, inline
 * `logging.target_bucket`), CloudTrail, load balancer or CloudFront access logs, or its ACL is `log-delivery-write`.
 * Logging a log bucket into itself loops; AWS recommends a separate, unlogged destination, and Trivy skips them too.
 */
export function isLogBucket(index: ObjectIndex, bucket: ConfigObject): boolean {
  return index.memo(`aws:isLogBucket:${bucket.file}:${bucket.name}`, () => {
    const logAcl = (v: unknown): boolean => strOf(v) === 'log-delivery-write';
    if (logAcl(bucket.value.acl)) return true;
    if (index.ofKind('aws_s3_bucket_acl').some((a) => logAcl(a.value.acl) && mentions(a.value.bucket, bucket))) return true;
    if (index.ofKind('aws_s3_bucket_logging').some((l) => mentions(l.value.target_bucket, bucket))) return true;
    if (index.ofKind('aws_cloudtrail').some((t) => mentions(t.value.s3_bucket_name, bucket))) return true;
    for (const b of index.ofKind('aws_s3_bucket')) {
      if (blocksAt(b.value, 'logging').items.some((l) => mentions(l.block.target_bucket, bucket))) return true;
    }
    for (const lb of index.ofKind('aws_lb', 'aws_alb', 'aws_elb')) {
      if (blocksAt(lb.value, 'access_logs').items.some((l) => mentions(l.block.bucket, bucket))) return true;
    }
    for (const cf of index.ofKind('aws_cloudfront_distribution')) {
      // CloudFront takes the bucket's domain name (`logs.s3.amazonaws.com`), usually as a reference.
      if (blocksAt(cf.value, 'logging_config').items.some((l) => mentions(l.block.bucket, bucket))) return true;
    }
    return false;
  });
}

/**
 * Reports world-open rules of `obj` that `matches` selects: one finding per rule, at its first world-open CIDR, with
 * the CIDRs and ports in the message data (`cidrs`, `ports`) plus whatever `matches` returns.
 */
export function reportOpenIngress(
  obj: ConfigObject,
  report: (d: { path: DataPath; data: Record<string, string> }) => void,
  matches: (rule: SgRule) => boolean | Record<string, string>,
  direction: RuleDirection = 'ingress',
): void {
  for (const rule of securityGroupRules(obj)) {
    if (rule.direction !== direction) continue;
    const open = worldCidrs(rule);
    if (open.length === 0) continue;
    const m = matches(rule);
    if (m === false) continue;
    report({ path: open[0]!.path, data: { cidrs: open.map((c) => c.cidr).join(', '), ports: portText(rule), ...(m === true ? {} : m) } });
  }
}

/**
 * Objects that carry identity policies: IAM policy resources (`policy`, or `inline_policy` blocks on roles) and
 * `data "aws_iam_policy_document"` (whose statements without `principals` are identity statements).
 */
export const IAM_POLICY_KINDS = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', POLICY_DOCUMENT_DATA_KIND] as const;

/**
 * The identity-policy statements of an object with the data path to report each one at: the policy attribute of a
 * resource, or the `statement` block of a policy document data source. Policies that resources take from a data
 * source are judged on the data source only, so one bad document gives one finding. Statements with a principal
 * (resource and trust policies built with the data source) are left out: wildcards mean something else there.
 */
export function identityStatements(obj: ConfigObject): { statement: PolicyStatement; path: DataPath }[] {
  if (obj.kind === POLICY_DOCUMENT_DATA_KIND) {
    const doc = policyFromDataSource(obj);
    if (!doc) return [];
    return doc.statements.filter((s) => s.principal === undefined).map((s) => ({ statement: s, path: s.path ?? [] }));
  }
  const out: { statement: PolicyStatement; path: DataPath }[] = [];
  for (const { doc, path } of policyAttributes(obj)) {
    for (const statement of policyDocument(doc)?.statements ?? []) out.push({ statement, path });
  }
  return out;
}

/** Allow statement granting every action on every resource. */
export function isAdminStatement(s: PolicyStatement): boolean {
  return isAllow(s) && s.actions.some(isFullWildcardAction) && s.resources.some((r) => r.trim() === '*');
}

// ---------------------------------------------------------------------------------------------------------------
// EC2 / EBS

/** True when the scan turns on EBS encryption by default for the account and region (new volumes are encrypted). */
export function ebsEncryptedByDefault(index: ObjectIndex): boolean {
  return index.ofKind('aws_ebs_encryption_by_default').some((r) => boolOf(r.value.enabled) !== false);
}

// ---------------------------------------------------------------------------------------------------------------
// Load balancers

/** `application`, `network`, `gateway`, or undefined when unknown; `aws_lb` defaults to application. */
export function loadBalancerType(lb: ConfigObject): string | undefined {
  const t = strOf(lb.value.load_balancer_type);
  if (t === null) return undefined;
  return t ?? 'application';
}

/** The load balancers a listener is attached to (`load_balancer_arn = aws_lb.web.arn`). */
export function listenerLoadBalancers(index: ObjectIndex, listener: ConfigObject): ConfigObject[] {
  return index.ofKind('aws_lb', 'aws_alb').filter((lb) => mentions(listener.value.load_balancer_arn, lb));
}

/**
 * A listener's protocol: as written, or, when unset, HTTP if it belongs to an application load balancer in the scan
 * (the provider's default for ALB listeners). Undefined when it cannot be known.
 */
export function listenerProtocol(index: ObjectIndex, listener: ConfigObject): string | undefined {
  const p = strOf(listener.value.protocol);
  if (p === null) return undefined;
  if (p !== undefined) return p.toUpperCase();
  const lbs = listenerLoadBalancers(index, listener);
  if (lbs.length === 0) return undefined;
  return lbs.every((lb) => loadBalancerType(lb) === 'application') ? 'HTTP' : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Check families: checks that differ only in the setting, port or service they look at share their meta and logic.

type Peers = NonNullable<CheckMetaInput['peers']>;

/** One of the four S3 Block Public Access settings, on a bucket-level or account-level block. */
export function publicAccessBlockSettingCheck(spec: { id: string; slug: string; attribute: string; title: string; rationale: string; effect: string; peers: Peers }): Check {
  const { attribute } = spec;
  return defineCheck({
    meta: {
      target: 'terraform',
      id: spec.id,
      slug: spec.slug,
      title: spec.title,
      severity: 'high',
      category: 'storage',
      kinds: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
      description: `A public access block (for one bucket or the whole account) does not set \`${attribute} = true\`; unset means false.`,
      rationale: spec.rationale,
      remediation: `Set \`${attribute} = true\` (and the three other settings) on the public access block.

\`\`\`hcl
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
\`\`\``,
      references: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-options',
        'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block',
      ],
      peers: spec.peers,
      messages: {
        unset: `Public access block does not set ${attribute} (defaults to false): ${spec.effect}.`,
        off: `Public access block sets ${attribute} = false: ${spec.effect}.`,
      },
      examples: {
        good: `resource "aws_s3_bucket_public_access_block" "good" {
  bucket                  = "example-good"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
        bad: `resource "aws_s3_bucket_public_access_block" "bad" {
  bucket = "example-bad"
  ${attribute} = false
}
`,
      },
    },
    run(obj, ctx) {
      const v = obj.value[attribute];
      if (offOrUnset(v)) ctx.report({ path: [attribute], messageId: isOff(v) ? 'off' : 'unset' });
    },
  });
}

/** A remote-administration port (SSH, RDP) open to the internet in a security group rule. */
export function adminPortOpenCheck(spec: { id: string; slug: string; port: number; service: string; title: string; rationale: string; peers: Peers }): Check {
  const { port, service } = spec;
  return defineCheck({
    meta: {
      target: 'terraform',
      id: spec.id,
      slug: spec.slug,
      title: spec.title,
      severity: 'high',
      category: 'network',
      kinds: [...SG_RULE_KINDS],
      description: `A security group ingress rule (inline \`ingress\` block, \`aws_security_group_rule\` or \`aws_vpc_security_group_ingress_rule\`) opens ${service} (TCP ${port}) to \`0.0.0.0/0\` or \`::/0\`. Rules that open every port are reported by aws-sg-all-ports-open-to-world instead.`,
      rationale: spec.rationale,
      remediation: `Allow ${service} only from known ranges (a VPN or bastion CIDR), or remove the rule and use AWS Systems Manager Session Manager.

\`\`\`hcl
resource "aws_vpc_security_group_ingress_rule" "admin" {
  security_group_id = aws_security_group.app.id
  description       = "${service} from the VPN"
  ip_protocol       = "tcp"
  from_port         = ${port}
  to_port           = ${port}
  cidr_ipv4         = "10.20.0.0/16"
}
\`\`\``,
      references: [
        'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13',
        'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html',
      ],
      standards: { cis: ['AWS 5.2', 'AWS 5.3'] },
      peers: spec.peers,
      messages: { open: `Ingress rule opens ${service} ({{ports}}) to {{cidrs}}.` },
      examples: {
        good: `resource "aws_security_group" "good" {
  name        = "good"
  description = "Admin access from the VPN"
  ingress {
    description = "${service} from the VPN"
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }
}
`,
        bad: `resource "aws_security_group" "bad" {
  name        = "bad"
  description = "Admin access from anywhere"
  ingress {
    description = "${service}"
    from_port   = ${port}
    to_port     = ${port}
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      },
    },
    run(obj, ctx) {
      reportOpenIngress(obj, (d) => ctx.report(d), (rule) => !opensAllPorts(rule) && opensPort(rule, port) === true);
    },
  });
}

/** A resource policy (queue, topic, …) whose `Allow` statement names principal `*` without a condition. */
export function resourcePolicyPublicCheck(spec: {
  id: string;
  slug: string;
  title: string;
  service: string;
  kinds: [policyKind: string, parentKind: string];
  target: { attribute: string; example: string; reference: string; arn: string };
  action: string;
  reference: string;
  peers: Peers;
}): Check {
  const [policyKind, parentKind] = spec.kinds;
  const { attribute, example, reference, arn } = spec.target;
  const svc = spec.service;
  return defineCheck({
    meta: {
      target: 'terraform',
      id: spec.id,
      slug: spec.slug,
      title: spec.title,
      severity: 'high',
      category: 'iam',
      kinds: [policyKind, parentKind],
      description: `The access policy of an ${svc} (\`${policyKind}\`, or the \`policy\` attribute of \`${parentKind}\`) has an \`Allow\` statement for principal \`*\` without a \`Condition\`. Policies built with \`data "aws_iam_policy_document"\` are read.`,
      rationale: `A wildcard principal without a condition lets any AWS account, and for some actions anonymous callers, use the ${svc}: inject or read messages, or subscribe endpoints they control. Service integrations (S3 events, EventBridge, SNS fan-out) should be allowed through a service principal or a wildcard narrowed by \`aws:SourceArn\` / \`aws:SourceAccount\`.`,
      remediation: `Name the principals, or keep the wildcard only with a condition that pins the calling resource or account.

\`\`\`hcl
resource "${policyKind}" "events" {
  ${attribute} = ${reference}
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "${spec.action}"
      Resource  = ${reference.replace(/\.(id|url)$/, '.arn')}
      Condition = { ArnEquals = { "aws:SourceArn" = aws_s3_bucket.uploads.arn } }
    }]
  })
}
\`\`\``,
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html', spec.reference],
      peers: spec.peers,
      messages: { public: `${svc[0]!.toUpperCase()}${svc.slice(1)} policy statement {{statement}} allows any principal without a condition.` },
      examples: {
        good: `resource "${policyKind}" "good" {
  ${attribute} = "${example}"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "${spec.action}", Resource = "${arn}" }]
  })
}
`,
        bad: `resource "${policyKind}" "bad" {
  ${attribute} = "${example}"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "${spec.action}", Resource = "${arn}" }]
  })
}
`,
      },
    },
    run(obj, ctx) {
      const doc = resolvePolicy(ctx.index, obj.value.policy);
      if (!doc) return;
      for (const s of doc.statements) {
        if (isAllow(s) && !s.hasCondition && isPublicPrincipal(s.principal)) ctx.report({ path: ['policy'], data: { statement: statementName(s) } });
      }
    },
  });
}

/**
 * Reports a boolean in the first instance of a nested block that must be on (`point_in_time_recovery { enabled }`),
 * with message `off` when it is false and `unset` when it or its block is missing. A block list that cannot be known
 * is not judged.
 */
export function reportBlockFlagOff(obj: ConfigObject, report: (d: { path: DataPath; messageId: string }) => void, block: string, attr: string): void {
  const list = blocksAt(obj.value, block);
  if (list.unknown) return;
  const first = list.items[0];
  const v = first?.block[attr];
  if (offOrUnset(v)) report({ path: first ? [...first.path, attr] : [block, 0, attr], messageId: isOff(v) ? 'off' : 'unset' });
}
