import { defineEcosystem } from '../define-ecosystem.js';
import { pypiPurl, normalisePyPIName } from './lockfiles/package.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const PYPI_ECOSYSTEM = defineEcosystem({
  id: 'pypi',
  osvNames: ['PyPI'],
  purlType: 'pypi',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: normalisePyPIName,
  purl: pypiPurl,
});
