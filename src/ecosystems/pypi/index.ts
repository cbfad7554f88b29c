import { defineEcosystem } from '../define-ecosystem.js';
import { formatPurl } from '../_lib/purl.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const PYPI_ECOSYSTEM = defineEcosystem({
  id: 'pypi',
  osvNames: ['PyPI'],
  purlType: 'pypi',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n.toLowerCase().replace(/[-_.]+/g, '-'),
  purl: (name, version) => formatPurl({ type: 'pypi', name: name.toLowerCase().replace(/[-_.]+/g, '-'), version }),
});
