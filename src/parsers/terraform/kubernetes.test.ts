import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ConfigObject } from '../../core/config-object.js';
import { parseTerraformText } from './index.js';

const deployment = readFileSync(join(import.meta.dirname, 'fixtures', 'deployment.tf'), 'utf8');

function k8s(text: string): ConfigObject[] {
  const r = parseTerraformText(text, 'k8s.tf');
  assert.deepEqual(r.errors, []);
  return r.objects.filter((o) => o.target === 'kubernetes');
}

type Rec = Record<string, unknown>;

describe('kubernetes_* resources as Kubernetes objects', () => {
  it('a deployment has the Kubernetes shape: camelCase, objects for single blocks, plural lists, maps kept verbatim', () => {
    const [d] = k8s(deployment);
    assert.ok(d);
    assert.equal(d.apiVersion, 'apps/v1');
    assert.equal(d.kind, 'Deployment');
    assert.equal(d.name, 'web');
    assert.equal(d.namespace, 'prod');
    assert.deepEqual(d.labels, { app: 'web' });
    assert.deepEqual(d.derivedFrom, { target: 'terraform', kind: 'kubernetes_deployment', name: 'kubernetes_deployment.web' });
    const v = d.value as Rec;
    assert.equal(v.apiVersion, 'apps/v1');
    assert.ok(!('waitForRollout' in v) && !('wait_for_rollout' in v));
    const spec = v.spec as Rec;
    assert.deepEqual(spec.selector, { matchLabels: { app: 'web' } });
    const tpl = spec.template as { metadata: Rec; spec: Rec };
    assert.deepEqual(tpl.metadata, { labels: { app_name: 'web' } }, 'map keys are data, not names');
    const pod = tpl.spec;
    assert.equal(pod.hostNetwork, true);
    assert.deepEqual(pod.containers, [
      {
        name: 'web',
        image: 'nginx:latest',
        ports: [{ containerPort: 80 }],
        securityContext: { privileged: true, runAsUser: 0, capabilities: { add: ['NET_ADMIN'] } },
        resources: { limits: { cpu: '500m' } },
      },
    ]);
    assert.deepEqual(pod.initContainers, [{ name: 'init', image: 'busybox:1.36' }]);
    assert.deepEqual(pod.volumes, [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }]);
  });

  it('the source map leads back to the HCL lines', () => {
    const [d] = k8s(deployment);
    const line = (p: (string | number)[]): number => d!.source.locate(p).startLine;
    const pod = ['spec', 'template', 'spec'];
    assert.equal(line([...pod, 'containers', 0, 'securityContext', 'privileged']), 32);
    assert.equal(line([...pod, 'containers', 0, 'ports', 0, 'containerPort']), 29);
    assert.equal(line([...pod, 'containers', 0, 'resources', 'limits', 'cpu']), 40);
    assert.equal(line([...pod, 'volumes', 0, 'hostPath', 'path']), 51);
    assert.equal(line([...pod, 'initContainers', 0, 'image']), 46);
    assert.equal(line([...pod, 'containers', 0, 'securityContext', 'readOnlyRootFilesystem']), 31, 'missing: the nearest parent');
    assert.equal(line(['metadata', 'labels', 'app']), 7);
    assert.equal(line([]), 1);
  });

  it('resource-level comments carry over, with Terraform paths translated', () => {
    const d = parseTerraformText(deployment, 'k8s.tf').objects.find((o) => o.target === 'kubernetes')!;
    assert.deepEqual(
      d.inlineSuppressions!.map((s) => [s.ids, s.pathPrefix]),
      [[['PAL-K8S-0036'], 'metadata']],
    );
  });

  it('RBAC, services, network policies, secrets, cron jobs and _v1 variants', () => {
    const objs = k8s(`
resource "kubernetes_cluster_role_v1" "admin" {
  metadata { name = "admin" }
  rule {
    api_groups = ["*"]
    resources  = ["*"]
    verbs      = ["*"]
  }
}
resource "kubernetes_role_binding" "b" {
  metadata {
    name      = "b"
    namespace = "ns"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Role"
    name      = "r"
  }
  subject {
    kind = "ServiceAccount"
    name = "default"
  }
}
resource "kubernetes_service" "s" {
  metadata { name = "s" }
  spec {
    type     = "NodePort"
    selector = { app_name = "x" }
    port {
      port        = 80
      target_port = 8080
    }
    external_ips = ["1.2.3.4"]
  }
}
resource "kubernetes_network_policy" "np" {
  metadata { name = "np" }
  spec {
    pod_selector {}
    policy_types = ["Ingress"]
    ingress {
      from {
        ip_block { cidr = "0.0.0.0/0" }
      }
      ports {
        port = "80"
      }
    }
  }
}
resource "kubernetes_secret" "sec" {
  metadata { name = "sec" }
  data = { password = "hunter2" }
  type = "Opaque"
}
resource "kubernetes_cron_job_v1" "c" {
  metadata { name = "c" }
  spec {
    schedule = "* * * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            container {
              name  = "c"
              image = "busybox"
            }
          }
        }
      }
    }
  }
}
resource "kubernetes_ingress_v1" "i" {
  metadata { name = "i" }
  spec {
    rule {
      http {
        path {
          path = "/"
          backend {
            service {
              name = "s"
              port { number = 80 }
            }
          }
        }
      }
    }
  }
}
resource "kubernetes_pod" "p" {
  metadata { name = "p" }
  spec {
    affinity {
      node_affinity {
        required_during_scheduling_ignored_during_execution {
          node_selector_term {
            match_expressions {
              key      = "k"
              operator = "In"
              values   = ["v"]
            }
          }
        }
      }
    }
    container {
      name  = "p"
      image = "busybox"
      env {
        name = "A"
        value_from {
          secret_key_ref {
            name = "sec"
            key  = "password"
          }
        }
      }
      security_context {
        run_as_user = "1000"
      }
    }
  }
}
`);
    const by = new Map(objs.map((o) => [o.kind, o.value as Rec]));
    assert.deepEqual(by.get('ClusterRole')!.rules, [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]);
    assert.equal(objs.find((o) => o.kind === 'ClusterRole')!.apiVersion, 'rbac.authorization.k8s.io/v1');
    assert.deepEqual(by.get('RoleBinding')!.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' });
    assert.deepEqual(by.get('RoleBinding')!.subjects, [{ kind: 'ServiceAccount', name: 'default' }]);
    assert.deepEqual(by.get('Service')!.spec, { type: 'NodePort', selector: { app_name: 'x' }, ports: [{ port: 80, targetPort: 8080 }], externalIPs: ['1.2.3.4'] });
    assert.deepEqual(by.get('NetworkPolicy')!.spec, { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: '80' }] }] });
    assert.deepEqual(by.get('Secret')!.stringData, { password: 'hunter2' });
    assert.equal(by.get('Secret')!.type, 'Opaque');
    const cron = by.get('CronJob') as { spec: { jobTemplate: { spec: { template: { spec: { containers: unknown[] } } } } } };
    assert.equal(cron.spec.jobTemplate.spec.template.spec.containers.length, 1);
    assert.equal(objs.find((o) => o.kind === 'CronJob')!.apiVersion, 'batch/v1');
    const ing = by.get('Ingress') as { spec: { rules: { http: { paths: { path: string; backend: unknown }[] } }[] } };
    assert.deepEqual(ing.spec.rules[0]!.http.paths[0], { path: '/', backend: { service: { name: 's', port: { number: 80 } } } });
    const pod = by.get('Pod') as { spec: { affinity: unknown; containers: { env: unknown; securityContext: unknown }[] } };
    assert.deepEqual(pod.spec.affinity, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] }] } } });
    assert.deepEqual(pod.spec.containers[0]!.env, [{ name: 'A', valueFrom: { secretKeyRef: { name: 'sec', key: 'password' } } }]);
    assert.deepEqual(pod.spec.containers[0]!.securityContext, { runAsUser: 1000 });
  });

  it('kubernetes_manifest is taken as the Kubernetes object it holds, located in the HCL', () => {
    const [m] = k8s(`resource "kubernetes_manifest" "m" {
  manifest = {
    apiVersion = "v1"
    kind       = "Pod"
    metadata = {
      name = "m"
    }
    spec = {
      containers = [{
        name  = "c"
        image = "busybox"
        securityContext = { privileged = true }
      }]
    }
  }
}
`);
    assert.equal(m!.kind, 'Pod');
    assert.equal(m!.name, 'm');
    assert.equal(m!.source.locate(['spec', 'containers', 0, 'securityContext', 'privileged']).startLine, 12);
  });

  it('other resources and unknown kubernetes_* types are not converted', () => {
    assert.deepEqual(k8s('resource "kubernetes_storage_class" "s" {\n  metadata { name = "s" }\n}\nresource "aws_s3_bucket" "b" {}\n'), []);
  });
});
