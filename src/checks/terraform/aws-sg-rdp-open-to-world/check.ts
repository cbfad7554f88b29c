import { adminPortOpenCheck } from '../../_lib/terraform-aws.js';

export default adminPortOpenCheck({
  id: 'PAL-TF-0014',
  slug: 'aws-sg-rdp-open-to-world',
  port: 3389,
  service: 'RDP',
  title: 'Security group allows RDP from the whole internet',
  rationale:
    'RDP exposed to the internet is a leading entry point for ransomware: brute-forced credentials and RDP vulnerabilities (BlueKeep) give interactive control of the host. Administrative access should come from a known network.',
  peers: [
    { tool: 'checkov', id: 'CKV_AWS_25', match: 'partial' },
    { tool: 'trivy', id: 'AVD-AWS-0107', match: 'partial' },
  ],
});
