import { defineEcosystem } from '../define-ecosystem.js';
import { cargoPurl } from './lockfiles/cargo-lock.js';
import { LOCKFILES } from './lockfiles/index.js';
import { scheme } from './versioning.js';

export const CARGO_ECOSYSTEM = defineEcosystem({
  id: 'cargo',
  osvNames: ['crates.io'],
  purlType: 'cargo',
  scheme,
  lockfiles: LOCKFILES,
  normaliseName: (n) => n,
  purl: cargoPurl,
});
