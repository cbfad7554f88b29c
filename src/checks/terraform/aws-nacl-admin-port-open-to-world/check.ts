import type { DataPath } from '../../../core/location.js';
import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf, isWorldCidr, numOf, strOf, type Obj } from '../../_lib/terraform-aws.js';

const ADMIN_PORTS = [22, 3389] as const;

interface NaclRule {
  path: DataPath;
  action: string | undefined;
  protocol: string | undefined;
  ruleNo: number | undefined;
  from: number | 'unset' | 'unknown';
  to: number | 'unset' | 'unknown';
  cidrs: { cidr: string; path: DataPath }[];
}

function cidrsOf(rule: Obj, base: DataPath): NaclRule['cidrs'] {
  const out: NaclRule['cidrs'] = [];
  for (const attr of ['cidr_block', 'ipv6_cidr_block']) {
    const c = rule[attr];
    if (typeof c === 'string') out.push({ cidr: c, path: [...base, attr] });
  }
  return out;
}

/** Inbound rules: `ingress` blocks of a (default) network ACL, or an `aws_network_acl_rule` with `egress` false. */
function inboundRules(kind: string, value: Obj): NaclRule[] {
  if (kind === 'aws_network_acl_rule') {
    if (boolOf(value.egress) !== false && boolOf(value.egress) !== 'unset') return [];
    const n = numOf(value.rule_number);
    return [
      {
        path: [],
        action: strOf(value.rule_action) ?? undefined,
        protocol: strOf(value.protocol) ?? undefined,
        ruleNo: typeof n === 'number' ? n : undefined,
        from: numOf(value.from_port),
        to: numOf(value.to_port),
        cidrs: cidrsOf(value, []),
      },
    ];
  }
  return blocksAt(value, 'ingress').items.map((b) => {
    const n = numOf(b.block.rule_no);
    return {
      path: b.path,
      action: strOf(b.block.action) ?? undefined,
      protocol: strOf(b.block.protocol) ?? undefined,
      ruleNo: typeof n === 'number' ? n : undefined,
      from: numOf(b.block.from_port),
      to: numOf(b.block.to_port),
      cidrs: cidrsOf(b.block, b.path),
    };
  });
}

/** The admin ports a rule covers; undefined when protocol or ports cannot be known. */
function coveredPorts(rule: NaclRule): number[] | undefined {
  const p = rule.protocol?.trim().toLowerCase();
  if (p === undefined) return undefined;
  if (p === '-1' || p === 'all') return [...ADMIN_PORTS];
  if (p !== 'tcp' && p !== '6') return [];
  if (typeof rule.from !== 'number' || typeof rule.to !== 'number') return undefined;
  const { from, to } = rule;
  // Stateless ACLs must let replies in on the ephemeral range (1024–65535, which contains 3389); such a rule is the
  // documented pattern, not an opening for RDP.
  if (from >= 1024 && to === 65535) return [];
  return ADMIN_PORTS.filter((port) => from <= port && port <= to);
}

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0099',
    slug: 'aws-nacl-admin-port-open-to-world',
    title: 'Network ACL allows SSH or RDP from the whole internet',
    severity: 'medium',
    category: 'network',
    kinds: ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'],
    description:
      'An inbound network ACL rule (an `ingress` block of `aws_network_acl` / `aws_default_network_acl`, or an `aws_network_acl_rule` that is not `egress`) allows TCP 22 or 3389 (directly, through a port range, or with protocol `-1`) from `0.0.0.0/0` or `::/0`. Ephemeral-port rules (1024 or higher up to 65535, needed for return traffic) and inline rules shadowed by a lower-numbered deny of the same ports are not reported.',
    rationale:
      'Network ACLs are the subnet-wide layer behind security groups. When they allow remote administration from anywhere, a single permissive security group is all that separates hosts in the subnet from internet-wide SSH and RDP attacks (CIS AWS 5.1).',
    remediation: `Allow administrative ports only from known ranges (or not at all, using Session Manager), and keep broad allows for the ports the subnet serves.

\`\`\`hcl
resource "aws_network_acl_rule" "ssh_from_vpn" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "10.20.0.0/16"
  from_port      = 22
  to_port        = 22
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21',
    ],
    standards: { cis: ['AWS 5.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_232', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0105', match: 'partial' },
    ],
    messages: { open: 'Network ACL allows {{ports}} from {{cidr}}.' },
    examples: {
      good: `resource "aws_network_acl_rule" "good" {
  network_acl_id = "acl-123"
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}
`,
      bad: `resource "aws_network_acl_rule" "bad" {
  network_acl_id = "acl-123"
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}
`,
    },
  },
  run(obj, ctx) {
    const rules = inboundRules(obj.kind, obj.value);
    for (const rule of rules) {
      if (rule.action?.toLowerCase() !== 'allow') continue;
      const open = rule.cidrs.find((c) => isWorldCidr(c.cidr));
      if (!open) continue;
      const ports = coveredPorts(rule);
      if (!ports || ports.length === 0) continue;
      // ACL rules apply in rule-number order: a lower-numbered deny of the same port wins.
      const exposed = ports.filter(
        (port) =>
          !rules.some(
            (d) =>
              d !== rule &&
              d.action?.toLowerCase() === 'deny' &&
              d.ruleNo !== undefined &&
              rule.ruleNo !== undefined &&
              d.ruleNo < rule.ruleNo &&
              (coveredPorts(d) ?? []).includes(port) &&
              d.cidrs.some((c) => isWorldCidr(c.cidr)),
          ),
      );
      if (exposed.length === 0) continue;
      ctx.report({ path: open.path, data: { ports: exposed.map((p) => (p === 22 ? 'SSH (22)' : 'RDP (3389)')).join(' and '), cidr: open.cidr } });
    }
  },
});
