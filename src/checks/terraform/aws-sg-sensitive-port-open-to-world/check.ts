import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { opensAllPorts, opensPort, reportOpenIngress, SG_RULE_KINDS } from '../../_lib/terraform-aws.js';

/** Remote-administration, file-sharing and data-store ports that should never face the internet (SSH/RDP have their own checks). */
const SENSITIVE_PORTS: Record<number, string> = {
  20: 'FTP data',
  21: 'FTP',
  23: 'Telnet',
  135: 'Windows RPC',
  139: 'NetBIOS',
  445: 'SMB',
  1433: 'SQL Server',
  1521: 'Oracle',
  2049: 'NFS',
  2375: 'Docker API',
  2376: 'Docker API (TLS)',
  2379: 'etcd',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  5601: 'Kibana',
  5900: 'VNC',
  5984: 'CouchDB',
  6379: 'Redis',
  7001: 'WebLogic',
  8020: 'HDFS NameNode',
  9042: 'Cassandra',
  9092: 'Kafka',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch transport',
  10250: 'kubelet',
  11211: 'Memcached',
  27017: 'MongoDB',
};

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0016',
    slug: 'aws-sg-sensitive-port-open-to-world',
    title: 'Security group exposes a database or admin port to the internet',
    severity: 'high',
    category: 'network',
    kinds: [...SG_RULE_KINDS],
    description:
      'A security group ingress rule opens a database, remote-administration or file-sharing port (Telnet, SMB, MySQL, PostgreSQL, Redis, MongoDB, Elasticsearch, Docker API, kubelet, … — the `ports` option replaces the list) to `0.0.0.0/0` or `::/0`. SSH, RDP and all-port rules have their own checks.',
    rationale:
      'These services were built for trusted networks: many have no authentication by default (Redis, Memcached, Elasticsearch, the Docker API) and the rest are brute-forced continuously. Internet-wide scans find them within hours and they are the source of most mass data leaks and cryptomining takeovers.',
    remediation: `Allow the port only from the application's own security group or private CIDRs.

\`\`\`hcl
resource "aws_vpc_security_group_ingress_rule" "postgres" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the app tier"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.app.id
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html',
    ],
    peers: [],
    messages: { open: 'Ingress rule opens {{service}} ({{ports}}) to {{cidrs}}.' },
    examples: {
      good: `resource "aws_security_group" "good" {
  name        = "db"
  description = "database"
  ingress {
    description = "PostgreSQL from the VPC"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}
`,
      bad: `resource "aws_security_group" "bad" {
  name        = "db"
  description = "database"
  ingress {
    description = "PostgreSQL"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
    },
  },
  options: z
    .object({
      /** Ports reported when open to the internet; replaces the built-in list. */
      ports: z.array(z.number().int().min(0).max(65535)).optional(),
    })
    .strict(),
  run(obj, ctx) {
    const ports = ctx.options.ports ?? Object.keys(SENSITIVE_PORTS).map(Number);
    reportOpenIngress(
      obj,
      (d) => ctx.report(d),
      (rule) => {
        if (opensAllPorts(rule)) return false;
        const hit = ports.filter((p) => opensPort(rule, p) === true);
        if (hit.length === 0) return false;
        const names = hit.slice(0, 4).map((p) => SENSITIVE_PORTS[p] ?? `port ${p}`);
        return { service: names.join(', ') + (hit.length > 4 ? ` and ${hit.length - 4} more` : '') };
      },
    );
  },
});
