import { defineSecretRule, type SecretRule } from '../define-rule.js';

/*
 * Connection URLs with an embedded password. Policy:
 * - a password is a password: weak or local-development values (postgres:postgres@localhost, guest:guest) are still
 *   reported, at medium severity, because the same files get copied to shared environments;
 * - values that only stand in for a password are not: words naming the value (password, pass, pwd, secret, changeme,
 *   db_password, …), environment / template references (${DB_PASSWORD}, $DB_PASSWORD, {{ .pw }}, %(password)s,
 *   {password}, <password> — the last also never matches the URL shape), and masks (****, xxxx);
 * - only the password is reported, never the user, host or the rest of the URL.
 */

const PLACEHOLDER_WORD =
  /^(?:[a-z0-9]+[_.-])*(?:pass(?:word|wd|phrase)?|pwd|pw|secret|changeme|change[_-]?me|changeit|none|null|empty|undefined|hidden|omitted|censored)$/i;

/** True when a password taken from a URL or connection string is a placeholder, not a value. */
export function isPlaceholderPassword(raw: string): boolean {
  let pw = raw;
  try {
    pw = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded: keep it as written.
  }
  if (pw.length < 3 || /^(.)\1*$/.test(pw) || pw.includes('…')) return true;
  // Environment variables and template expressions: ${X}, $(cmd), {{ x }}, <%= x %>, #{x}, %(x)s, $X, {x}, [x], @X@.
  if (/\$\{|\$\(|\{\{|<%|#\{|%\(/.test(pw)) return true;
  if (/^\$[A-Za-z_][A-Za-z0-9_]*$|^\{[^{}]*\}$|^\[[^[\]]*\]$|^@[A-Za-z_]+@$/.test(pw)) return true;
  if (PLACEHOLDER_WORD.test(pw)) return true;
  // The name of an environment variable written where its value should be (DB_PASSWORD, REDIS_PASS).
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(pw) && /PASS|PWD|SECRET|TOKEN|KEY/.test(pw);
}

// user:password@ in a URL: the user may be empty (redis://:pw@host); the password stops at @, /, ; or a blank, so that
// host:port;key=value strings (jdbc:sqlserver://host:1433;…;password=…, passwords may hold @) are not read as user-info.
const USERINFO = String.raw`[^\s:@/?#;'"\x60<>]*:([^\s@/?#;'"\x60<>]{3,256})@(?=[A-Za-z0-9\[_%.-])`;
const urlPassword = (schemes: string): RegExp => new RegExp(String.raw`(?<![A-Za-z0-9+.-])(?:${schemes})://${USERINFO}`, 'i');

const MEDIUM_NOTE = 'Reported at medium severity whatever the host: local-development defaults are reported too.';
const ROTATE = 'load the URL from a secret store or the environment at runtime instead of committing it.';

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0024',
      slug: 'postgres-url-password',
      title: 'PostgreSQL connection URL with a password',
      severity: 'medium',
      description: `A postgres:// or postgresql:// URL (including SQLAlchemy dialects and jdbc:postgresql://) with a password in its user-info part. ${MEDIUM_NOTE}`,
      remediation: `Change the role's password (ALTER ROLE name PASSWORD '…', or reset it in the managed database console), then ${ROTATE}`,
      references: ['https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS'],
      peers: [{ tool: 'trufflehog', id: 'Postgres' }],
      keywords: ['postgres'],
      examples: {
        positive: [
          'DATABASE_URL=postgres://app_user:MV6a8nVHszwMOQHqSUuP@db.internal.corp:5432/orders?sslmode=require',
          'SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://reporting:l0Ww.AruN~2*rbq_.JYh@10.0.4.12/analytics"',
        ],
        negative: [
          'DATABASE_URL=postgres://app_user:${DB_PASSWORD}@db.internal.corp:5432/orders',
          'DATABASE_URL=postgresql://user:password@localhost:5432/mydb',
          'DATABASE_URL=postgres://app_user@db.internal.corp:5432/orders',
          'url: postgres://db.internal.corp:5432/orders',
        ],
      },
    },
    pattern: urlPassword(String.raw`postgres(?:ql)?(?:\+[a-z0-9]+)?`),
    secretGroup: 1,
    validate: (s) => !isPlaceholderPassword(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0025',
      slug: 'mysql-url-password',
      title: 'MySQL / MariaDB connection URL with a password',
      severity: 'medium',
      description: `A mysql://, mysql2://, mysqlx:// or mariadb:// URL (including SQLAlchemy dialects and jdbc:mysql://) with a password in its user-info part. ${MEDIUM_NOTE}`,
      remediation: `Change the account's password (ALTER USER 'name'@'host' IDENTIFIED BY '…', or reset it in the managed database console), then ${ROTATE}`,
      references: ['https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html'],
      keywords: ['mysql', 'mariadb'],
      examples: {
        positive: [
          "config.database_url = 'mysql2://rails:vv!*g7d9RRbpWGVKqWn5@mysql.prod.internal/shop_production'",
          'MARIADB_URL=mariadb://wp:._1tSG4Sq6krvzUUoX7M@127.0.0.1:3306/wordpress',
        ],
        negative: [
          'DB_URL=mysql://root:$MYSQL_ROOT_PASSWORD@db:3306/app',
          'DB_URL=mysql://root:<password>@db:3306/app',
          'DB_URL=mysql://root:****@db:3306/app',
          'See mysql://user:pass@host/db for the format.',
        ],
      },
    },
    pattern: urlPassword(String.raw`mysql[x2]?(?:\+[a-z0-9]+)?|mariadb(?:\+[a-z0-9]+)?`),
    secretGroup: 1,
    validate: (s) => !isPlaceholderPassword(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0026',
      slug: 'mongodb-url-password',
      title: 'MongoDB connection string with a password',
      severity: 'medium',
      description: `A mongodb:// or mongodb+srv:// connection string (Atlas, self-hosted) with a password in its user-info part. ${MEDIUM_NOTE}`,
      remediation: `Change the database user's password (Atlas: Database Access > Edit > Edit Password; self-hosted: db.changeUserPassword()), then ${ROTATE}`,
      references: ['https://www.mongodb.com/docs/manual/reference/connection-string/'],
      peers: [{ tool: 'trufflehog', id: 'MongoDB' }],
      keywords: ['mongodb'],
      examples: {
        positive: [
          'MONGO_URI=mongodb+srv://api-svc:!Igpt0~VEwMAM56BdqqB@cluster0.x7k2p.mongodb.net/app?retryWrites=true&w=majority',
          'mongoose.connect("mongodb://admin:ML4hUwEjOQCVWbc21EvS@mongo-0.mongo:27017,mongo-1.mongo:27017/admin?replicaSet=rs0");',
        ],
        negative: [
          'MONGO_URI=mongodb+srv://<username>:<password>@cluster0.x7k2p.mongodb.net/app',
          'MONGO_URI=mongodb://user:pass@localhost:27017/test',
          'MONGO_URI=mongodb://localhost:27017/app',
        ],
      },
    },
    pattern: urlPassword(String.raw`mongodb(?:\+srv)?`),
    secretGroup: 1,
    validate: (s) => !isPlaceholderPassword(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0027',
      slug: 'redis-url-password',
      title: 'Redis connection URL with a password',
      severity: 'medium',
      description: `A redis:// or rediss:// URL with a password (requirepass or an ACL user's password) in its user-info part. ${MEDIUM_NOTE}`,
      remediation: `Change the password (ACL SETUSER name resetpass >new-password, or requirepass / the managed service's access key), then ${ROTATE}`,
      references: ['https://www.iana.org/assignments/uri-schemes/prov/redis', 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/'],
      peers: [{ tool: 'trufflehog', id: 'Redis' }],
      keywords: ['redis'],
      examples: {
        positive: ['REDIS_URL=rediss://:GWJCs~0pBwNgY814Kax6@cache-prod.abc123.ng.0001.use1.cache.amazonaws.com:6379/0', 'cache:\n  url: redis://worker:Xpe!2uWnuhVRddVuki7-@redis.svc.cluster.local:6379'],
        negative: ['REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379/0', 'REDIS_URL=redis://redis:6379/0', 'REDIS_URL=redis://default:xxxxxx@redis:6379'],
      },
    },
    pattern: urlPassword(String.raw`rediss?(?:\+sentinel)?`),
    secretGroup: 1,
    validate: (s) => !isPlaceholderPassword(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0028',
      slug: 'amqp-url-password',
      title: 'AMQP (RabbitMQ) connection URL with a password',
      severity: 'medium',
      description: `An amqp:// or amqps:// URL (RabbitMQ, Amazon MQ, CloudAMQP) with a password in its user-info part. ${MEDIUM_NOTE}`,
      remediation: `Change the user's password (rabbitmqctl change_password USER, or the broker console), then ${ROTATE}`,
      references: ['https://www.rabbitmq.com/docs/uri-spec'],
      peers: [{ tool: 'trufflehog', id: 'RabbitMQ' }],
      keywords: ['amqp'],
      examples: {
        positive: ['CELERY_BROKER_URL=amqps://celery:fiOKh_jGc7SW8MrF6!qj@b-3f2a.mq.eu-west-1.amazonaws.com:5671/jobs', 'const conn = await amqplib.connect("amqp://orders:xdGE1aYGFy_FnD4N4BUL@rabbitmq:5672");'],
        negative: ['BROKER_URL=amqp://guest:{password}@rabbitmq:5672//', 'BROKER_URL=amqp://rabbitmq:5672', 'BROKER_URL=amqp://user:%(password)s@rabbitmq:5672'],
      },
    },
    pattern: urlPassword('amqps?'),
    secretGroup: 1,
    validate: (s) => !isPlaceholderPassword(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0029',
      slug: 'sqlserver-url-password',
      title: 'SQL Server connection URL with a password',
      severity: 'medium',
      description: `A sqlserver:// or mssql:// URL (go-mssqldb, SQLAlchemy mssql+pyodbc, Node mssql) with a password in its user-info part. ${MEDIUM_NOTE}`,
      remediation: `Change the login's password (ALTER LOGIN name WITH PASSWORD = '…', or reset the Azure SQL admin password), then ${ROTATE}`,
      references: ['https://github.com/microsoft/go-mssqldb#connection-parameters-and-dsn', 'https://docs.sqlalchemy.org/en/20/dialects/mssql.html'],
      keywords: ['mssql', 'sqlserver'],
      examples: {
        positive: [
          'SQLSERVER_DSN=sqlserver://svc_reports:RyOc5PNCXV!840xYZQ7Z@sql01.corp.local:1433?database=Reports',
          'engine = create_engine("mssql+pyodbc://etl:JHu1NMVDlgd_cDx4WRmf@warehouse-dsn")',
        ],
        negative: [
          'SQLSERVER_DSN=sqlserver://sa:${SA_PASSWORD}@localhost:1433',
          'SQLSERVER_DSN=sqlserver://localhost:1433?database=Reports',
          'SQLSERVER_DSN=sqlserver://sa:SA_PASSWORD@localhost:1433',
          // key=value form (PAL-SEC-0030's): the port is not a user-info password.
          'url=jdbc:sqlserver://sql01.corp.local:1433;databaseName=billing;user=billing_app;password=P@ss-4Wz8qLrT2v',
        ],
      },
    },
    pattern: urlPassword(String.raw`mssql(?:\+[a-z0-9]+)?|sqlserver`),
    secretGroup: 1,
    validate: (s) => !isPlaceholderPassword(s),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0030',
      slug: 'jdbc-url-password',
      title: 'JDBC / key-value connection string with a password',
      severity: 'medium',
      description: `A password in a JDBC URL or a sqlserver:// key-value connection string: a password= / pwd= parameter (jdbc:sqlserver://…;password=…, jdbc:mysql://…?password=…, sqlserver://host;user=…;password=…) or an Oracle thin URL (jdbc:oracle:thin:user/password@host). ${MEDIUM_NOTE}`,
      remediation: `Change the database account's password (ALTER USER / ALTER LOGIN, or the managed database console), then ${ROTATE}`,
      references: [
        'https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url',
        'https://docs.oracle.com/en/database/oracle/oracle-database/19/jjdbc/data-sources-and-URLs.html',
      ],
      peers: [{ tool: 'trufflehog', id: 'JDBC' }],
      keywords: ['jdbc:', 'sqlserver:', 'mssql:'],
      examples: {
        positive: [
          'spring.datasource.url=jdbc:sqlserver://sql01.corp.local:1433;databaseName=billing;user=billing_app;password=P@ss-4Wz8qLrT2v;encrypt=true',
          'url: jdbc:oracle:thin:scott/Kx9vQ2mLp7Rt@//ora-prod.corp.local:1521/ORCLPDB1',
        ],
        negative: [
          'spring.datasource.url=jdbc:sqlserver://sql01.corp.local:1433;databaseName=billing;user=billing_app;password=${DB_PASSWORD}',
          'spring.datasource.url=jdbc:mysql://db:3306/app?user=root&password=changeme',
          'url: jdbc:oracle:thin:@//ora-prod.corp.local:1521/ORCLPDB1',
          'spring.datasource.url=jdbc:postgresql://db:5432/app',
        ],
      },
    },
    // The capture group has one branch per context: after "user/" (Oracle thin, ends at @) or after "password=".
    pattern:
      /(?:\bjdbc:oracle:thin:[^/\s@:'"`<>;]{1,64}\/|(?<![A-Za-z0-9])(?:jdbc:[a-z0-9]+|sqlserver|mssql):[^\s'"`<>]{0,400}?[;?&]\s*(?:password|pwd)\s*=\s*)((?<=\/)[^@\s'"`<>/]{3,256}(?=@)|(?<==\s*)[^;&\s'"`<>]{3,256})/i,
    secretGroup: 1,
    validate: (s) => !isPlaceholderPassword(s),
  }),
];

export default rules;
