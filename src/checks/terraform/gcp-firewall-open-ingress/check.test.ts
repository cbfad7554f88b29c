import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'public HTTPS is not flagged',
      code: `resource "google_compute_firewall" "web" {
  name          = "web"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
}
`,
    },
    {
      name: 'egress rule',
      code: `resource "google_compute_firewall" "egress" {
  name               = "egress"
  network            = "default"
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "all"
  }
}
`,
    },
    {
      name: 'disabled rule',
      code: `resource "google_compute_firewall" "off" {
  name          = "off"
  network       = "default"
  disabled      = true
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
`,
    },
    {
      name: 'source tags only',
      code: `resource "google_compute_firewall" "internal" {
  name        = "internal"
  network     = "default"
  source_tags = ["web"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
`,
    },
    {
      name: 'ranges from an unset variable are unknown',
      code: `variable "ranges" {
  type = list(string)
}

resource "google_compute_firewall" "v" {
  name          = "v"
  network       = "default"
  source_ranges = var.ranges

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'RDP inside a port range, second allow block',
      code: `resource "google_compute_firewall" "r" {
  name          = "r"
  network       = "default"
  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"]

  allow {
    protocol = "icmp"
  }

  allow {
    protocol = "tcp"
    ports    = ["3000-4000"]
  }
}
`,
      errors: [{ path: 'allow[1]', line: 10, messageId: 'adminPort' }],
    },
    {
      name: 'all protocols from IPv6 anywhere',
      code: `resource "google_compute_firewall" "all" {
  name          = "all"
  network       = "default"
  source_ranges = ["::/0"]

  allow {
    protocol = "all"
  }
}
`,
      errors: [{ path: 'allow[0]', line: 6, messageId: 'allPorts' }],
    },
    {
      name: 'no source at all means any source; tcp without ports is every port',
      code: `resource "google_compute_firewall" "nosrc" {
  name    = "nosrc"
  network = "default"

  allow {
    protocol = "tcp"
  }
}
`,
      errors: [{ path: 'allow[0]', line: 5, messageId: 'allPorts' }],
    },
  ],
});
