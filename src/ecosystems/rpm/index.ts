import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const RPM_ECOSYSTEM = defineEcosystem({
  id: 'rpm',
  osvNames: ['AlmaLinux', 'Rocky Linux', 'Red Hat', 'openSUSE', 'SUSE', 'Mageia', 'openEuler'],
  purlType: 'rpm',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: (name, version) => formatPurl({ type: 'rpm', name, version }),
});
