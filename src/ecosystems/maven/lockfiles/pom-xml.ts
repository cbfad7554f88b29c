/**
 * Maven `pom.xml` (https://maven.apache.org/pom.html): the versions the POM itself declares in `<dependencies>` and
 * `<dependencyManagement>`, after `${…}` interpolation from `<properties>` and the project model, with properties and
 * dependencyManagement inherited from a `<parent>` that lives in the same tree. A POM is a manifest, not a lockfile:
 * versions that come from a remote parent or an imported BOM, and version ranges, are not known here and are reported
 * as warnings — never guessed.
 */
import sax from 'sax';
import type { LockfileContext, LockfileParser } from '../../define-ecosystem.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import type { Location } from '../../../core/location.js';
import { err, ok, type Result } from '../../../core/result.js';
import { ECOSYSTEM, mavenPurl, span } from './common.js';

const ID = 'pom.xml';
/** Parent chains deeper than this are a loop or hostile; real projects stay under a handful. */
const MAX_PARENT_DEPTH = 16;
/** A property value longer than this is not a version or a coordinate; treating it as unresolved bounds the work. */
const MAX_PROPERTY_LENGTH = 4096;

interface RawDependency {
  groupId?: string;
  artifactId?: string;
  version?: string;
  scope?: string;
  optional?: string;
  location: Location;
}

interface ParentRef {
  groupId?: string;
  artifactId?: string;
  version?: string;
  /** undefined: element absent (Maven's default `../pom.xml`); '': `<relativePath/>`, look only in the repository. */
  relativePath?: string;
  location: Location;
}

interface RawPom {
  groupId?: string;
  artifactId?: string;
  version?: string;
  parent?: ParentRef;
  properties: Map<string, string>;
  dependencies: RawDependency[];
  managed: RawDependency[];
}

export const POM_XML: LockfileParser = {
  id: ID,
  matches: (fileName) => fileName === 'pom.xml',
  parse(text, path, ctx) {
    const self = readPom(text, path);
    if (!self.ok) return self;
    const warnings: ParseIssue[] = [];
    const chain = loadParents(self.value, path, ctx, warnings);
    const packages = resolve(self.value, chain, path, warnings);
    warnings.sort((a, b) => a.location.startLine - b.location.startLine);
    return ok({ packages, warnings });
  },
};

// ---------------------------------------------------------------------------------------------------------------------
// XML → RawPom

/** Reads the parts of a POM this parser uses, with positions. Not XML, or XML whose root is not `<project>`, is an error. */
export function readPom(input: string, path: string): Result<RawPom, ParseIssue[]> {
  // A UTF-8 BOM is legal before the XML declaration but sax rejects it; one character shifts columns on line 1 only.
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? input.slice(1) : input;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const posAt = (index: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - lineStarts[lo]! + 1 + (lo === 0 ? bom : 0) };
  };

  const pom: RawPom = { properties: new Map(), dependencies: [], managed: [] };
  const stack: string[] = [];
  const starts: { line: number; column: number }[] = [];
  let textBuf = '';
  let dep: RawDependency | undefined;
  let failure: ParseIssue | undefined;
  // strictEntities: only XML's five predefined entities; sax would otherwise accept HTML's (&nbsp;, …). Missing from @types/sax.
  const options: sax.SAXOptions & { strictEntities: boolean } = { position: true, strictEntities: true, trim: false, normalize: false };
  const parser = sax.parser(true, options);
  let sawRoot = false;
  const fail = (code: string, message: string, line: number, column: number): never => {
    failure = { code, message, location: span(path, line, column, line, column) };
    throw failure;
  };

  parser.ondoctype = (doctype) => {
    // sax never expands DTD entities (no XXE, no billion laughs); a POM that declares some cannot be read faithfully.
    if (/<!ENTITY/i.test(doctype)) {
      const where = posAt(Math.max(0, text.search(/<!DOCTYPE/i)));
      fail('xml-entities-unsupported', 'DTD entity declarations are not supported in pom.xml', where.line, where.column);
    }
  };
  parser.onopentag = (tag) => {
    const name = localName(tag.name);
    const start = posAt(parser.startTagPosition - 1);
    sawRoot = true;
    if (stack.length === 0 && name !== 'project') fail('not-the-format', `not a Maven POM: the root element is <${tag.name}>, expected <project>`, start.line, start.column);
    stack.push(name);
    starts.push(start);
    textBuf = '';
    const p = stack.join('/');
    if (p === 'project/dependencies/dependency' || p === 'project/dependencyManagement/dependencies/dependency') {
      dep = { location: span(path, start.line, start.column, start.line, start.column) };
    } else if (p === 'project/parent') {
      pom.parent = { location: span(path, start.line, start.column, start.line, start.column) };
    }
  };
  parser.ontext = (t) => {
    textBuf += t;
  };
  parser.oncdata = (t) => {
    textBuf += t;
  };
  parser.onclosetag = () => {
    const p = stack.join('/');
    const value = textBuf.trim();
    textBuf = '';
    const end = posAt(parser.position);
    stack.pop();
    starts.pop();
    const leaf = p.slice(p.lastIndexOf('/') + 1);
    if (p === 'project/dependencies/dependency' || p === 'project/dependencyManagement/dependencies/dependency') {
      if (dep) {
        dep.location.endLine = end.line;
        dep.location.endColumn = end.column;
        (p.startsWith('project/dependencies') ? pom.dependencies : pom.managed).push(dep);
      }
      dep = undefined;
    } else if (dep && (p.startsWith('project/dependencies/dependency/') || p.startsWith('project/dependencyManagement/dependencies/dependency/')) && p.split('/').length === (p.startsWith('project/dependencies/') ? 4 : 5)) {
      if (leaf === 'groupId' || leaf === 'artifactId' || leaf === 'version' || leaf === 'scope' || leaf === 'optional') dep[leaf] = value;
    } else if (p.startsWith('project/properties/') && stack.length === 2) {
      pom.properties.set(leaf, value);
    } else if (p.startsWith('project/parent/') && stack.length === 2 && pom.parent) {
      if (leaf === 'groupId' || leaf === 'artifactId' || leaf === 'version' || leaf === 'relativePath') pom.parent[leaf] = value;
    } else if (stack.length === 1 && (leaf === 'groupId' || leaf === 'artifactId' || leaf === 'version')) {
      pom[leaf] = value;
    }
  };
  parser.onerror = (e) => {
    fail('syntax-error', `invalid XML: ${e.message.split('\n')[0]}`, parser.line + 1, parser.column + 1);
  };
  try {
    parser.write(text).close();
  } catch (e) {
    if (failure) return err([failure]);
    throw e;
  }
  if (!sawRoot) return err([{ code: 'not-the-format', message: 'not a Maven POM: no root element', location: span(path, 1, 1, 1, 1) }]);
  return ok(pom);
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

// ---------------------------------------------------------------------------------------------------------------------
// Parents

/** The local parent chain, nearest first. Stops (with a warning) at the first parent that is not in the tree. */
function loadParents(self: RawPom, selfPath: string, ctx: LockfileContext, warnings: ParseIssue[]): RawPom[] {
  const chain: RawPom[] = [];
  const visited = new Set<string>([selfPath]);
  let child = self;
  let childDir = '';
  for (let depth = 0; child.parent; depth++) {
    const ref = child.parent;
    const coords = `${ref.groupId ?? '?'}:${ref.artifactId ?? '?'}:${ref.version ?? '?'}`;
    // Warnings are located at the <parent> of the file being scanned: that is where the user can act.
    const at = self.parent!.location;
    const notApplied = 'its properties and dependencyManagement are not applied';
    if (depth >= MAX_PARENT_DEPTH) {
      warnings.push({ code: 'parent-not-found', message: `parent chain deeper than ${MAX_PARENT_DEPTH} POMs; stopped at ${coords}`, location: at });
      break;
    }
    if (ref.relativePath === '') {
      warnings.push({ code: 'parent-not-found', message: `parent ${coords} is looked up only in the repository (<relativePath/>); ${notApplied}`, location: at });
      break;
    }
    if (!ctx.readRelative) {
      warnings.push({ code: 'parent-not-found', message: `parent ${coords} not read: no access to other files; ${notApplied}`, location: at });
      break;
    }
    let rel = (ref.relativePath ?? '../pom.xml').replace(/\\/g, '/');
    if (!rel.endsWith('.xml')) rel = rel.replace(/\/*$/, '') + '/pom.xml';
    const target = joinRelative(childDir, rel);
    const file = ctx.readRelative(target);
    if (!file) {
      warnings.push({ code: 'parent-not-found', message: `parent ${coords} is not at ${target}; ${notApplied}`, location: at });
      break;
    }
    if (visited.has(file.path)) {
      warnings.push({ code: 'parent-cycle', message: `parent chain loops back to ${file.path}`, location: at });
      break;
    }
    visited.add(file.path);
    const parsed = readPom(file.text, file.path);
    if (!parsed.ok) {
      warnings.push({ code: 'parent-unreadable', message: `parent ${file.path} cannot be read (${parsed.error[0]!.message} at line ${parsed.error[0]!.location.startLine}); ${notApplied}`, location: at });
      break;
    }
    const found = parsed.value;
    const foundGroup = found.groupId ?? found.parent?.groupId;
    if (found.artifactId !== ref.artifactId || (ref.groupId !== undefined && foundGroup !== ref.groupId)) {
      // Maven does the same: a POM at relativePath with other coordinates is not the parent.
      warnings.push({ code: 'parent-not-found', message: `${file.path} is ${foundGroup ?? '?'}:${found.artifactId ?? '?'}, not parent ${coords}; ${notApplied}`, location: at });
      break;
    }
    chain.push(found);
    child = found;
    childDir = dirOf(target);
  }
  return chain;
}

/** `a/b` + `../c/pom.xml` → `a/c/pom.xml`; leading `..` segments are kept (the parent may sit above the lockfile). */
export function joinRelative(dir: string, rel: string): string {
  const out: string[] = [];
  for (const seg of [...dir.split('/'), ...rel.split('/')]) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

// ---------------------------------------------------------------------------------------------------------------------
// Interpolation and output

function resolve(self: RawPom, parents: RawPom[], path: string, warnings: ParseIssue[]): Package[] {
  // Maven interpolates after inheritance, in the child's context: a parent's `${project.version}` is the child's version.
  const props = new Map<string, string>();
  for (const pom of [...parents].reverse()) for (const [k, v] of pom.properties) props.set(k, v);
  for (const [k, v] of self.properties) props.set(k, v);
  const model = new Map<string, string | undefined>();
  const projectVersion = self.version ?? self.parent?.version;
  const projectGroup = self.groupId ?? self.parent?.groupId;
  for (const prefix of ['project.', 'pom.', '']) {
    model.set(`${prefix}version`, projectVersion);
    model.set(`${prefix}groupId`, projectGroup);
    model.set(`${prefix}artifactId`, self.artifactId);
    model.set(`${prefix}parent.version`, self.parent?.version);
    model.set(`${prefix}parent.groupId`, self.parent?.groupId);
    model.set(`${prefix}parent.artifactId`, self.parent?.artifactId);
  }
  // Each property is resolved once and its value capped: `<a>${b}${b}…</a><b>${c}${c}…</b>…` would otherwise be a
  // billion-laughs bomb made of properties. A cycle or an oversized value leaves the reference unresolved.
  const memo = new Map<string, string | null>();
  const resolving = new Set<string>();
  const lookup = (key: string): string | undefined => {
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    const raw = model.get(key) ?? props.get(key);
    if (raw === undefined || resolving.has(key)) return undefined;
    resolving.add(key);
    const v = interpolate(raw);
    resolving.delete(key);
    const resolved = v.includes('${') || v.length > MAX_PROPERTY_LENGTH ? null : v;
    memo.set(key, resolved);
    return resolved ?? undefined;
  };
  const interpolate = (s: string): string => s.replace(/\$\{([^}]+)\}/g, (whole, key: string) => lookup(key) ?? whole);

  const managedVersions = new Map<string, string>();
  for (const pom of [...parents].reverse().concat(self)) {
    for (const d of pom.managed) {
      if (d.groupId && d.artifactId && d.version) managedVersions.set(`${interpolate(d.groupId)}:${interpolate(d.artifactId)}`, d.version);
    }
  }
  const parentCoords = self.parent ? `${self.parent.groupId ?? '?'}:${self.parent.artifactId ?? '?'}:${self.parent.version ?? '?'}` : undefined;

  const byKey = new Map<string, Package>();
  const add = (d: RawDependency, direct: boolean): void => {
    if (!d.groupId || !d.artifactId) {
      warnings.push({ code: 'missing-field', message: 'dependency without groupId or artifactId skipped', location: d.location });
      return;
    }
    const name = `${interpolate(d.groupId)}:${interpolate(d.artifactId)}`;
    const raw = d.version ?? (direct ? managedVersions.get(name) : undefined);
    if (raw === undefined || raw === '') {
      const from = parentCoords ? `parent ${parentCoords} or an imported BOM` : 'an imported BOM';
      warnings.push({ code: 'unresolved-version', message: `${name} has no version in this POM or a local parent (it comes from ${from}); not checked`, location: d.location });
      return;
    }
    const version = concreteVersion(interpolate(raw));
    if (typeof version !== 'string') {
      warnings.push({ code: 'unresolved-version', message: `${name}: ${version.why}; not checked`, location: d.location });
      return;
    }
    const dev = d.scope === 'test';
    const optional = d.optional === 'true';
    const key = `${name}@${version}`;
    const prev = byKey.get(key);
    if (prev) {
      // A test-scoped and a compile-scoped declaration of one version: it ships, so it is not dev.
      if (!dev) delete prev.dev;
      if (!optional) delete prev.optional;
      if (direct) prev.direct = true;
      return;
    }
    const pkg: Package = { ecosystem: ECOSYSTEM, name, version, purl: mavenPurl(name, version), location: d.location, foundBy: ID };
    if (direct) pkg.direct = true;
    if (dev) pkg.dev = true;
    if (optional) pkg.optional = true;
    byKey.set(key, pkg);
  };
  // Dependencies first so that a dependency whose version dependencyManagement sets is reported at the dependency.
  for (const d of self.dependencies) add(d, true);
  for (const d of self.managed) add(d, false);
  return [...byKey.values()].sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
}

/** The one version a declaration pins, or why there is none: an unresolved property or a range. */
function concreteVersion(v: string): string | { why: string } {
  const s = v.trim();
  const unresolved = /\$\{([^}]*)\}/.exec(s);
  if (unresolved) return { why: `version ${s} uses \${${unresolved[1]}}, which is not defined in this POM or a local parent` };
  // `[1.2.3]` is Maven's "exactly 1.2.3"; anything else with brackets or a comma is a range.
  const exact = /^\[\s*([^,[\]()\s]+)\s*\]$/.exec(s);
  if (exact) return exact[1]!;
  if (/[[\](),]/.test(s)) return { why: `version range ${s} does not name one version` };
  if (s === '') return { why: 'empty version' };
  return s;
}
