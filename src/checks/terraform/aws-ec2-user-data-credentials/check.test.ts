import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'private key in cloud-init',
      code: `resource "aws_instance" "i" {
  ami       = "ami-0123456789abcdef0"
  user_data = <<-EOT
    #cloud-config
    write_files:
      - path: /root/.ssh/id_rsa
        content: |
          -----BEGIN RSA PRIVATE KEY-----
          MIIEowIBAAKCAQEA
          -----END RSA PRIVATE KEY-----
  EOT
}
`,
      errors: [{ path: 'user_data', line: 3 }],
    },
  ],
});
