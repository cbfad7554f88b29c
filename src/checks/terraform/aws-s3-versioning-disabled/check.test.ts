import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'inline versioning from a variable default',
      code: `variable "versioning" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
  versioning {
    enabled = var.versioning
  }
}
`,
    },
    {
      name: 'bucket and versioning named from the same computed value may be linked: cannot tell',
      code: `resource "random_pet" "p" {}

resource "aws_s3_bucket" "b" {
  bucket = "data-\${random_pet.p.id}"
}

resource "aws_s3_bucket_versioning" "v" {
  bucket = "data-\${random_pet.p.id}"
  versioning_configuration {
    status = "Enabled"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'a versioning resource of another bucket type does not cover the bucket',
      code: `resource "aws_s3_directory_bucket" "d" {
  bucket = "d--usw2-az1--x-s3"
}

resource "aws_s3_bucket_versioning" "d" {
  bucket = aws_s3_directory_bucket.d.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
}
`,
      errors: [{ path: 'versioning[0].enabled', line: 12, resource: 'aws_s3_bucket.b' }],
    },
    {
      name: 'missing: reported on the resource',
      code: `resource "aws_s3_bucket" "b" {
  bucket = "b"
}
`,
      errors: [{ path: 'versioning[0].enabled', line: 1, messageId: 'missing' }],
    },
    {
      name: 'inline false',
      code: `resource "aws_s3_bucket" "b" {
  bucket = "b"
  versioning {
    enabled = false
  }
}
`,
      errors: [{ path: 'versioning[0].enabled', line: 4, messageId: 'off' }],
    },
    {
      name: 'Disabled status on the versioning resource',
      code: `resource "aws_s3_bucket_versioning" "v" {
  bucket = "b"
  versioning_configuration {
    status = "Disabled"
  }
}
`,
      errors: [{ path: 'versioning_configuration[0].status', line: 4, messageId: 'status' }],
    },
  ],
});
