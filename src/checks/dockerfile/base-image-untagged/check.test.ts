import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'stage reference, scratch, digest only', code: 'FROM alpine:3.20 AS base\nFROM base\nFROM scratch\nFROM alpine@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a\n' },
    { name: 'image from an ARG without default', code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n' },
    { name: 'registry port is not a tag, but the tag is there', code: 'FROM localhost:5000/app:1.0\n' },
  ],
  invalid: [
    {
      name: 'untagged after ARG substitution, and with a registry port',
      code: 'ARG REGISTRY=docker.io\nFROM ${REGISTRY}/library/debian AS a\nFROM localhost:5000/app\n',
      errors: [
        { path: 'stages[0].from.image', line: 2 },
        { path: 'stages[1].from.image', line: 3 },
      ],
    },
  ],
});
