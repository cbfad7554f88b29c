import { objectType, type CelObjectType } from '@bufbuild/cel';
import { create, createFileRegistry, type DescMessage, type FileRegistry } from '@bufbuild/protobuf';
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import type { ReflectMessage } from '@bufbuild/protobuf/reflect';

/*
 * The Kubernetes CEL libraries add opaque types (Quantity, URL, IP, CIDR, Semver) and CEL's optional type. @bufbuild/cel
 * only knows scalars, lists, maps and protobuf messages, so each opaque type is a tiny runtime-built protobuf message with
 * one string field holding the value's canonical form. That gives, for free and without touching the library: `type(x)`
 * printing the Kubernetes type name, method dispatch by type, and `==` meaning "same value" (canonical strings compare
 * equal exactly when the values do). Optionals carry an arbitrary CEL value, so theirs lives beside the message (see
 * lib/optional.ts).
 */

const STRING_FIELD = [
  { name: 'value', number: 1, type: FieldDescriptorProto_Type.STRING, label: FieldDescriptorProto_Label.OPTIONAL, jsonName: 'value' },
];

function file(name: string, pkg: string, messages: string[], fields = STRING_FIELD) {
  return create(FileDescriptorProtoSchema, {
    name,
    package: pkg,
    syntax: 'proto3',
    messageType: messages.map((m) => ({ name: m, field: fields })),
  });
}

/** Runtime registry of the opaque types; passed to the CEL environment so field access, `type()` and `==` know them. */
export const OPAQUE_TYPES_REGISTRY: FileRegistry = createFileRegistry(
  createFileRegistry(file('palisade/cel/kubernetes.proto', 'kubernetes', ['Quantity', 'URL', 'Semver']), () => undefined),
  createFileRegistry(file('palisade/cel/net.proto', 'net', ['IP', 'CIDR']), () => undefined),
  // cel-go names the type `optional_type`; a package-less message of that name makes `type(x) == optional_type` work.
  createFileRegistry(file('palisade/cel/optional.proto', '', ['optional_type'], []), () => undefined),
);

function desc(name: string): DescMessage {
  const d = OPAQUE_TYPES_REGISTRY.getMessage(name);
  if (!d) throw new Error(`opaque CEL type ${name} is not registered`);
  return d;
}

export interface OpaqueType {
  desc: DescMessage;
  type: CelObjectType;
  /** A new value of this type holding `canonical`. */
  of(canonical: string): unknown;
  /** The canonical string of a value of this type (the receiver of a method). */
  valueOf(v: ReflectMessage): string;
}

function opaque(name: string): OpaqueType {
  const d = desc(name);
  return {
    desc: d,
    type: objectType(d),
    of: (canonical) => create(d, { value: canonical } as never),
    valueOf: (v) => String((v.message as unknown as { value?: unknown }).value ?? ''),
  };
}

export const QUANTITY = opaque('kubernetes.Quantity');
export const URL_TYPE = opaque('kubernetes.URL');
export const SEMVER = opaque('kubernetes.Semver');
export const IP_TYPE = opaque('net.IP');
export const CIDR_TYPE = opaque('net.CIDR');
export const OPTIONAL_DESC = desc('optional_type');
export const OPTIONAL_TYPE = objectType(OPTIONAL_DESC);

/** Qualified names that start with these identifiers resolve to types (e.g. `kubernetes.Quantity`, `google.protobuf.Timestamp`). */
export const TYPE_NAMESPACES = ['kubernetes', 'net', 'google'] as const;
