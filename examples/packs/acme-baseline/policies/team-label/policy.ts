import { definePolicy } from 'palisade';

/** Findings and alerts are routed by this label: a workload without it has no owner to page. */
export default definePolicy({
  id: 'ACME-1001',
  title: 'Workload has no owning team',
  severity: 'medium',
  category: 'best-practice',
  kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'],
  description: 'Workloads carry an `acme.example/team` label naming a team from the service catalogue.',
  remediation: 'Add `acme.example/team: <team>` to metadata.labels.',
  options: { label: 'acme.example/team' },
  validate(object, ctx) {
    const team = object.labels[ctx.options.label];
    if (team === undefined) {
      ctx.report({ path: 'metadata.labels', message: '{{kind}} "{{name}}" has no {{label}} label', data: { kind: object.kind, name: object.name, label: ctx.options.label } });
    } else if (!/^[a-z][a-z0-9-]{1,40}$/.test(team)) {
      ctx.report({
        path: ['metadata', 'labels', ctx.options.label],
        message: 'Team "{{team}}" is not a service catalogue name (lower-case letters, digits and dashes)',
        data: { team },
      });
    }
  },
});
