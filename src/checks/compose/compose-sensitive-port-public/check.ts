import { defineCheck } from '../../define-check.js';
import { portRange, ports, SERVICE_KINDS } from '../../_lib/compose.js';

/** Container ports of services that must not face every network: databases, caches, brokers, control planes, remote desktops. */
export const SENSITIVE_PORTS: ReadonlyMap<number, string> = new Map([
  [23, 'Telnet'],
  [445, 'SMB'],
  [1433, 'SQL Server'],
  [1521, 'Oracle Database'],
  [2181, 'ZooKeeper'],
  [2375, 'Docker API (plain text)'],
  [2376, 'Docker API'],
  [2379, 'etcd'],
  [2380, 'etcd peer'],
  [3306, 'MySQL/MariaDB'],
  [3389, 'RDP'],
  [4369, 'Erlang port mapper'],
  [5432, 'PostgreSQL'],
  [5672, 'RabbitMQ'],
  [5900, 'VNC'],
  [5984, 'CouchDB'],
  [6379, 'Redis'],
  [7000, 'Cassandra inter-node'],
  [7001, 'Cassandra inter-node (TLS)'],
  [8086, 'InfluxDB'],
  [8500, 'Consul'],
  [9042, 'Cassandra'],
  [9092, 'Kafka'],
  [9200, 'Elasticsearch/OpenSearch'],
  [9300, 'Elasticsearch/OpenSearch transport'],
  [10250, 'kubelet'],
  [11211, 'Memcached'],
  [15672, 'RabbitMQ management'],
  [27017, 'MongoDB'],
  [27018, 'MongoDB'],
  [27019, 'MongoDB'],
]);

export default defineCheck({
  meta: {
    target: 'compose',
    id: 'PAL-COMPOSE-0018',
    slug: 'compose-sensitive-port-public',
    title: 'Database or admin port published on every host interface',
    severity: 'high',
    category: 'network',
    kinds: [...SERVICE_KINDS],
    description:
      'A `ports` entry publishes a container port of a database, cache, message broker, control plane or remote desktop (PostgreSQL 5432, MySQL 3306, SQL Server 1433, Oracle 1521, MongoDB 27017-27019, Redis 6379, Memcached 11211, Elasticsearch 9200/9300, CouchDB 5984, Cassandra 9042/7000/7001, InfluxDB 8086, RabbitMQ 5672/15672, Kafka 9092, ZooKeeper 2181, etcd 2379/2380, Consul 8500, the Docker API 2375/2376, kubelet 10250, RDP 3389, VNC 5900, SMB 445, Telnet 23, Erlang 4369) without a host address, or on `0.0.0.0`/`::`. `"5432:5432"` and even `"5432"` (a random host port) bind every interface; `"127.0.0.1:5432:5432"` and `host_ip: 127.0.0.1` do not. Ranges that include such a port count. The container port decides, since it says what listens.',
    rationale:
      'A published port without an address is reachable from every network the host is on, and Docker inserts its own firewall rules ahead of host firewalls such as ufw, so "the firewall blocks it" is usually wrong. Databases and caches in development setups often have default or no credentials, and internet scanners find exposed Redis, MongoDB, Elasticsearch and Docker APIs within minutes. Other services on the same compose network reach the port without publishing it at all.',
    remediation: `Do not publish the port for other containers (they use the service name on the project network); publish it on the loopback address when the host itself needs it.

\`\`\`yaml
services:
  db:
    image: postgres:16
    ports:
      - "127.0.0.1:5432:5432"
\`\`\``,
    references: [
      'https://docs.docker.com/reference/compose-file/services/#ports',
      'https://docs.docker.com/engine/network/packet-filtering-firewalls/#docker-and-ufw',
      'https://docs.docker.com/engine/network/#published-ports',
    ],
    peers: [],
    messages: { public: 'Service "{{service}}" publishes {{what}} port {{port}} on every host interface ({{binding}}).' },
    examples: {
      good: `services:
  db:
    image: postgres:16
    ports: ["127.0.0.1:5432:5432"]
`,
      bad: `services:
  db:
    image: postgres:16
    ports: ["5432:5432"]
`,
    },
  },
  run(obj, ctx) {
    for (const p of ports(obj)) {
      const range = p.allInterfaces ? portRange(p.spec.target) : undefined;
      if (!range) continue;
      for (const [port, what] of SENSITIVE_PORTS) {
        if (port < range.from || port > range.to) continue;
        const binding = p.spec.published === '' ? `random host port to ${p.spec.target}/${p.spec.protocol}` : `${p.spec.hostIp || '*'}:${p.spec.published} to ${p.spec.target}/${p.spec.protocol}`;
        ctx.report({ path: p.path, data: { service: obj.name, what, port, binding } });
        break;
      }
    }
  },
});
