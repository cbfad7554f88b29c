import { adminPortOpenCheck } from '../../_lib/terraform-aws.js';

export default adminPortOpenCheck({
  id: 'PAL-TF-0013',
  slug: 'aws-sg-ssh-open-to-world',
  port: 22,
  service: 'SSH',
  title: 'Security group allows SSH from the whole internet',
  rationale:
    'Port 22 open to the internet is scanned within minutes of launch; every weak password, leaked key or sshd vulnerability becomes directly exploitable. Administrative access should come from a known network or through Session Manager.',
  peers: [
    { tool: 'checkov', id: 'CKV_AWS_24', match: 'partial' },
    { tool: 'trivy', id: 'AVD-AWS-0107', match: 'partial' },
  ],
});
