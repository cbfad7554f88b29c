/**
 * Resources of the Terraform Kubernetes provider (`kubernetes_deployment`, `kubernetes_pod_v1`, …) converted to the
 * Kubernetes objects they create, so the Kubernetes checks run on them unchanged: one policy, one ID, every format.
 * The provider's schema mirrors the Kubernetes API with snake_case names, single nested blocks for objects and
 * repeated blocks for lists (`container` → `containers`); the converted object keeps a source map back to the HCL
 * (or plan JSON), so a finding on `spec.template.spec.containers[0].securityContext.privileged` points at the
 * `privileged = true` line of the .tf file. `kubernetes_manifest` already holds a Kubernetes object and is taken as is.
 */
import type { ConfigObject, InlineSuppression } from '../../core/config-object.js';
import { formatDataPath, type DataPath } from '../../core/location.js';
import type { LineMap } from './lines.js';
import { HclLocator, kidOf, type SrcNode } from './source-map.js';
import { isPlainObject } from './values.js';

type Rec = Record<string, unknown>;

const KINDS: Record<string, { apiVersion: string; kind: string }> = {
  kubernetes_pod: { apiVersion: 'v1', kind: 'Pod' },
  kubernetes_deployment: { apiVersion: 'apps/v1', kind: 'Deployment' },
  kubernetes_stateful_set: { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  kubernetes_daemon_set: { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  kubernetes_daemonset: { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  kubernetes_replica_set: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  kubernetes_job: { apiVersion: 'batch/v1', kind: 'Job' },
  kubernetes_cron_job: { apiVersion: 'batch/v1beta1', kind: 'CronJob' },
  kubernetes_cron_job_v1: { apiVersion: 'batch/v1', kind: 'CronJob' },
  kubernetes_replication_controller: { apiVersion: 'v1', kind: 'ReplicationController' },
  kubernetes_service: { apiVersion: 'v1', kind: 'Service' },
  kubernetes_role: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' },
  kubernetes_cluster_role: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' },
  kubernetes_role_binding: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
  kubernetes_cluster_role_binding: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding' },
  kubernetes_service_account: { apiVersion: 'v1', kind: 'ServiceAccount' },
  kubernetes_network_policy: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  // The provider's unversioned ingress and cron job resources manage the beta APIs.
  kubernetes_ingress: { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress' },
  kubernetes_ingress_v1: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
  kubernetes_secret: { apiVersion: 'v1', kind: 'Secret' },
  kubernetes_config_map: { apiVersion: 'v1', kind: 'ConfigMap' },
  kubernetes_namespace: { apiVersion: 'v1', kind: 'Namespace' },
  kubernetes_pod_disruption_budget: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' },
  kubernetes_horizontal_pod_autoscaler: { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler' },
  kubernetes_horizontal_pod_autoscaler_v2: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
  kubernetes_limit_range: { apiVersion: 'v1', kind: 'LimitRange' },
  kubernetes_resource_quota: { apiVersion: 'v1', kind: 'ResourceQuota' },
  kubernetes_persistent_volume_claim: { apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
};

/** The Kubernetes kind a provider resource type creates (`kubernetes_deployment_v1` → apps/v1 Deployment). */
export function kubernetesKindOf(type: string): { apiVersion: string; kind: string } | undefined {
  return KINDS[type] ?? KINDS[type.replace(/_v[12]$/, '')];
}

/** Provider arguments that configure Terraform, not the object. */
const TERRAFORM_ONLY = new Set([
  'timeouts',
  'wait_for_rollout',
  'wait_for_load_balancer',
  'wait_for_completion',
  'wait_for_default_secret',
  'wait_for_service_account_token',
  'lifecycle',
  'depends_on',
  'provider',
  'connection',
  'provisioner',
  'field_manager',
  'computed_fields',
]);

/** Repeated blocks that are lists in Kubernetes, by block name: the list's Kubernetes name. */
const LIST_BLOCKS: Record<string, string> = {
  container: 'containers',
  init_container: 'initContainers',
  ephemeral_container: 'ephemeralContainers',
  volume: 'volumes',
  port: 'ports',
  ports: 'ports',
  env: 'env',
  env_from: 'envFrom',
  volume_mount: 'volumeMounts',
  volume_device: 'volumeDevices',
  toleration: 'tolerations',
  rule: 'rules',
  subject: 'subjects',
  sysctl: 'sysctls',
  host_aliases: 'hostAliases',
  topology_spread_constraint: 'topologySpreadConstraints',
  readiness_gate: 'readinessGates',
  image_pull_secrets: 'imagePullSecrets',
  image_pull_secret: 'imagePullSecrets',
  secret: 'secrets',
  http_header: 'httpHeaders',
  match_expressions: 'matchExpressions',
  node_selector_term: 'nodeSelectorTerms',
  preferred_during_scheduling_ignored_during_execution: 'preferredDuringSchedulingIgnoredDuringExecution',
  items: 'items',
  path: 'paths',
  option: 'options',
  ingress: 'ingress',
  egress: 'egress',
  from: 'from',
  to: 'to',
  tls: 'tls',
  sources: 'sources',
  resource_claims: 'resourceClaims',
  scheduling_gates: 'schedulingGates',
  metric: 'metrics',
  limit: 'limits',
  scope_selector: 'scopeSelector',
  match_expression: 'matchExpressions',
  volume_claim_template: 'volumeClaimTemplates',
  pod_failure_policy_rule: 'rules',
  on_exit_codes: 'onExitCodes',
  on_pod_condition: 'onPodConditions',
  cluster_role_selectors: 'clusterRoleSelectors',
};

/** Exceptions to LIST_BLOCKS by the Kubernetes name of the parent: the block is a single object there. */
const SINGLE_IN: Record<string, ReadonlySet<string>> = {
  // Ingress v1 backend: `service { port { number = 80 } }`.
  port: new Set(['service']),
  // ServiceAccount `secret` is a list; a volume's `secret` is one object.
  secret: new Set(['volumes', 'sources', 'projected']),
};

/** Required pod (anti-)affinity terms are a list; node affinity's are one object. */
const REQUIRED_TERMS = 'required_during_scheduling_ignored_during_execution';

/** Names that camelCase does not produce. */
const NAMES: Record<string, string> = {
  cluster_ip: 'clusterIP',
  cluster_ips: 'clusterIPs',
  external_ips: 'externalIPs',
  load_balancer_ip: 'loadBalancerIP',
  host_ip: 'hostIP',
  pod_ip: 'podIP',
  non_resource_urls: 'nonResourceURLs',
  external_traffic_policy: 'externalTrafficPolicy',
  ip_families: 'ipFamilies',
  ip_family_policy: 'ipFamilyPolicy',
  job_template: 'jobTemplate',
  binary_data: 'binaryData',
  se_linux_options: 'seLinuxOptions',
  fs_group_change_policy: 'fsGroupChangePolicy',
  app_armor_profile: 'appArmorProfile',
  grpc: 'grpc',
  api_group: 'apiGroup',
  api_groups: 'apiGroups',
  api_version: 'apiVersion',
  uid: 'uid',
};

/** Fields the provider types as strings that Kubernetes (and the checks) read as integers. */
const INTEGER_FIELDS = new Set(['run_as_user', 'run_as_group', 'fs_group', 'supplemental_groups']);

/** Map attributes whose keys are data (labels, resource names), never block names, in `.tf.json` too. */
const MAP_ATTRIBUTES = new Set(['labels', 'annotations', 'selector', 'node_selector', 'data', 'binary_data', 'string_data', 'limits', 'requests', 'match_labels']);

/** Block names we know hold objects, for `.tf.json` where a single block may be written as a plain object. */
const KNOWN_BLOCKS = new Set([
  'metadata',
  'spec',
  'template',
  'security_context',
  'capabilities',
  'resources',
  'selector',
  'strategy',
  'rolling_update',
  'liveness_probe',
  'readiness_probe',
  'startup_probe',
  'http_get',
  'tcp_socket',
  'exec',
  'value_from',
  'secret_key_ref',
  'config_map_key_ref',
  'field_ref',
  'resource_field_ref',
  'host_path',
  'empty_dir',
  'config_map',
  'persistent_volume_claim',
  'affinity',
  'node_affinity',
  'pod_affinity',
  'pod_anti_affinity',
  'seccomp_profile',
  'role_ref',
  'pod_selector',
  'namespace_selector',
  'ip_block',
  'backend',
  'default_backend',
  'service',
  'http',
  'job_template',
  'dns_config',
  'lifecycle_hooks',
  ...Object.keys(LIST_BLOCKS),
]);

function camel(name: string): string {
  const special = NAMES[name];
  if (special) return special;
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Repeated blocks evaluate to lists of objects; lists of strings (`args`, `verbs`) are attributes. */
function isBlockList(v: unknown): v is Rec[] {
  return Array.isArray(v) && v.length > 0 && v.every(isPlainObject);
}

function integerOf(v: unknown): unknown {
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  if (Array.isArray(v)) return v.map(integerOf);
  return v;
}

/** A copy of a TF node with its own children (Kubernetes names differ from the HCL ones). */
function nodeLike(n: SrcNode | undefined, fallback: SrcNode): SrcNode {
  const base = n ?? fallback;
  const node: SrcNode = { s: base.s, e: base.e, kids: new Map() };
  if (base.loc) node.loc = base.loc;
  return node;
}

/** Converts one block body (a provider object) to its Kubernetes shape, building the source map as it goes. */
/** Terraform data path → Kubernetes data path of every converted field, to carry comment suppressions over. */
interface PathMap {
  map: Map<string, string>;
}

function record(paths: PathMap | undefined, tf: DataPath, k8s: DataPath): void {
  if (paths) paths.map.set(formatDataPath(tf), formatDataPath(k8s));
}

function convertBlock(
  v: Rec,
  src: SrcNode | undefined,
  fallback: SrcNode,
  parentName: string,
  top: boolean,
  depth: number,
  json: boolean,
  paths: PathMap | undefined,
  tfPath: DataPath,
  k8sPath: DataPath,
): { value: Rec; node: SrcNode } {
  const node = nodeLike(src, fallback);
  const out: Rec = {};
  if (depth > 64) return { value: out, node };
  const here = src ?? fallback;
  for (const [k, x] of Object.entries(v)) {
    if (top && TERRAFORM_ONLY.has(k)) continue;
    const xs = src ? kidOf(src, k) : undefined;
    let blocks: Rec[] | undefined;
    if (isBlockList(x)) blocks = x;
    // Native syntax writes every block as a list; only `.tf.json` may write a single block as an object.
    else if (json && isPlainObject(x) && KNOWN_BLOCKS.has(k) && !MAP_ATTRIBUTES.has(k)) blocks = [x];
    if (!blocks) {
      const name = camel(k);
      out[name] = INTEGER_FIELDS.has(k) ? integerOf(x) : x;
      if (xs) node.kids!.set(name, xs);
      record(paths, [...tfPath, k], [...k8sPath, name]);
      continue;
    }
    let listName = LIST_BLOCKS[k];
    if (listName && SINGLE_IN[k]?.has(parentName)) listName = undefined;
    if (k === REQUIRED_TERMS) listName = parentName === 'nodeAffinity' ? undefined : 'requiredDuringSchedulingIgnoredDuringExecution';
    if (listName) {
      const group = nodeLike(xs, here);
      const list: Rec[] = [];
      // Repeated blocks of one list may be spelled two ways (`port` and `ports`): append.
      const prev = out[listName];
      const offset = Array.isArray(prev) ? prev.length : 0;
      record(paths, [...tfPath, k], [...k8sPath, listName]);
      blocks.forEach((b, i) => {
        const bs = xs ? kidOf(xs, i) : undefined;
        const c = convertBlock(b, bs, group, listName!, false, depth + 1, json, paths, [...tfPath, k, i], [...k8sPath, listName!, offset + i]);
        record(paths, [...tfPath, k, i], [...k8sPath, listName!, offset + i]);
        list.push(c.value);
        group.kids!.set(i, c.node);
      });
      if (Array.isArray(prev)) {
        const base = prev.length;
        list.forEach((x2, i) => {
          prev.push(x2);
          node.kids!.get(listName!)?.kids?.set(base + i, group.kids!.get(i)!);
        });
      } else {
        out[listName] = list;
        node.kids!.set(listName, group);
      }
      continue;
    }
    const name = camel(k);
    const bs = xs ? (kidOf(xs, 0) ?? xs) : undefined;
    const c = convertBlock(blocks[0]!, bs, here, name, false, depth + 1, json, paths, [...tfPath, k, 0], [...k8sPath, name]);
    record(paths, [...tfPath, k], [...k8sPath, name]);
    record(paths, [...tfPath, k, 0], [...k8sPath, name]);
    out[name] = c.value;
    node.kids!.set(name, c.node);
  }
  return { value: out, node };
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = String(x);
  return out;
}

function derived(tf: ConfigObject, apiVersion: string, kind: string, value: Rec, root: SrcNode, lines: LineMap, paths: PathMap | undefined): ConfigObject {
  const md = isPlainObject(value.metadata) ? value.metadata : {};
  const obj: ConfigObject = {
    target: 'kubernetes',
    apiVersion,
    kind,
    name: typeof md.name === 'string' ? md.name : '',
    namespace: typeof md.namespace === 'string' ? md.namespace : '',
    labels: stringMap(md.labels),
    annotations: stringMap(md.annotations),
    value,
    file: tf.file,
    docIndex: 0,
    basePath: [],
    source: new HclLocator(lines, root),
    docText: () => tf.docText(),
    derivedFrom: { target: 'terraform', kind: tf.kind, name: tf.name },
    inlineSuppressions: carrySuppressions(tf.inlineSuppressions ?? [], paths),
  };
  return obj;
}

/** Suppressions of the resource, with paths of Terraform attributes translated to the converted fields. */
function carrySuppressions(supps: readonly InlineSuppression[], paths: PathMap | undefined): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  for (const s of supps) {
    if (s.pathPrefix === '') out.push(s);
    else {
      const p = paths?.map.get(s.pathPrefix);
      if (p !== undefined) out.push({ ...s, pathPrefix: p });
    }
  }
  return out;
}

/** The Kubernetes object a `kubernetes_*` resource instance creates, or undefined for other resources. */
export function kubernetesObjectFor(tf: ConfigObject, root: SrcNode, lines: LineMap): ConfigObject | undefined {
  if (tf.target !== 'terraform' || !tf.kind.startsWith('kubernetes_')) return undefined;
  if (tf.kind === 'kubernetes_manifest') {
    const m = tf.value.manifest;
    if (!isPlainObject(m) || typeof m.apiVersion !== 'string' || typeof m.kind !== 'string') return undefined;
    const node = kidOf(root, 'manifest') ?? root;
    const paths: PathMap = { map: new Map() };
    // The manifest is the object: `manifest.spec` in Terraform is `spec` in Kubernetes.
    for (const sup of tf.inlineSuppressions ?? []) if (sup.pathPrefix.startsWith('manifest.')) paths.map.set(sup.pathPrefix, sup.pathPrefix.slice('manifest.'.length));
    return derived(tf, m.apiVersion, m.kind, m, node, lines, paths);
  }
  const k = kubernetesKindOf(tf.kind);
  if (!k) return undefined;
  // Paths are only mapped when a comment needs one: formatting every path of every object would be wasted work.
  const paths = (tf.inlineSuppressions ?? []).some((x) => x.pathPrefix !== '') ? { map: new Map<string, string>() } : undefined;
  const conv = convertBlock(tf.value, root, root, '', true, 0, /\.tf\.json$/i.test(tf.file), paths, [], []);
  const value: Rec = { apiVersion: k.apiVersion, kind: k.kind, ...conv.value };
  // Secret `data` in Terraform is plain text (the provider encodes it): in Kubernetes terms that is stringData.
  if (k.kind === 'Secret' && 'data' in value) {
    value.stringData = value.data;
    delete value.data;
    const n = conv.node.kids!.get('data');
    if (n) conv.node.kids!.set('stringData', n);
  }
  if (paths && k.kind === 'Secret') for (const [a, b] of paths.map) if (b === 'data' || b.startsWith('data.') || b.startsWith('data[')) paths.map.set(a, 'stringData' + b.slice(4));
  return derived(tf, k.apiVersion, k.kind, value, conv.node, lines, paths);
}
