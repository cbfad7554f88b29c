import type { DataPath } from '../../../core/location.js';
import { defineCheck } from '../../define-check.js';
import { blocksAt, ebsEncryptedByDefault, isOff, isSetString, offOrUnset, type Obj } from '../../_lib/terraform-aws.js';

interface Device {
  block: Obj;
  path: DataPath;
  label: string;
}

function devices(kind: string, value: Obj): { items: Device[]; unknown: boolean; rootMissing: boolean } {
  if (kind === 'aws_launch_template') {
    const mappings = blocksAt(value, 'block_device_mappings');
    const items: Device[] = [];
    let unknown = mappings.unknown;
    for (const m of mappings.items) {
      const ebs = blocksAt(m.block, 'ebs', m.path);
      unknown ||= ebs.unknown;
      const name = typeof m.block.device_name === 'string' ? m.block.device_name : 'a block device mapping';
      for (const e of ebs.items) items.push({ block: e.block, path: e.path, label: name });
    }
    return { items, unknown, rootMissing: false };
  }
  const root = blocksAt(value, 'root_block_device');
  const ebs = blocksAt(value, 'ebs_block_device');
  const items: Device[] = [
    ...root.items.map((r) => ({ block: r.block, path: r.path, label: 'the root volume' })),
    ...ebs.items.map((e) => ({ block: e.block, path: e.path, label: typeof e.block.device_name === 'string' ? e.block.device_name : 'an EBS volume' })),
  ];
  return { items, unknown: root.unknown || ebs.unknown, rootMissing: !root.unknown && root.items.length === 0 };
}

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0041',
    slug: 'aws-ec2-block-device-unencrypted',
    title: 'EC2 instance or launch configuration has an unencrypted volume',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_instance', 'aws_launch_configuration', 'aws_launch_template'],
    description:
      'A root or EBS block device of an `aws_instance` or `aws_launch_configuration` (a missing `root_block_device` leaves the root volume as the AMI has it, unencrypted for public AMIs), or an `ebs` mapping of an `aws_launch_template`, does not set `encrypted = true`. Devices restored from a snapshot and scans that enable `aws_ebs_encryption_by_default` are not reported.',
    rationale:
      'Instance volumes hold application data, credentials cached on disk and logs. Unencrypted, they and every snapshot or AMI made from them are readable by anyone who can copy them.',
    remediation: `Encrypt every block device (or enable EBS encryption by default for the account).

\`\`\`hcl
resource "aws_instance" "app" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  root_block_device {
    encrypted   = true
    volume_type = "gp3"
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs-ephemeral-and-root-block-devices',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_8', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0131', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0008', match: 'partial' },
    ],
    messages: {
      rootMissing: 'No root_block_device block: the root volume is encrypted only if the AMI\'s snapshot is.',
      unset: 'Block device ({{device}}) does not set encrypted = true.',
      off: 'Block device ({{device}}) sets encrypted = false.',
    },
    examples: {
      good: `resource "aws_instance" "good" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
}
`,
      bad: `resource "aws_instance" "bad" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 20
  }
}
`,
    },
  },
  run(obj, ctx) {
    if (ebsEncryptedByDefault(ctx.index)) return;
    const d = devices(obj.kind, obj.value);
    if (d.rootMissing) ctx.report({ path: ['root_block_device', 0, 'encrypted'], messageId: 'rootMissing' });
    for (const dev of d.items) {
      if (isSetString(dev.block.snapshot_id)) continue;
      const enc = dev.block.encrypted;
      if (offOrUnset(enc)) ctx.report({ path: [...dev.path, 'encrypted'], messageId: isOff(enc) ? 'off' : 'unset', data: { device: dev.label } });
    }
  },
});
