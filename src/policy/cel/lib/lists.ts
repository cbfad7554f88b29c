import { celFunc, celMethod, CelScalar, isCelList, listType, type CelFunc, type CelList, type CelValue } from '@bufbuild/cel';
import { add, equal, less } from './std.js';

/*
 * Kubernetes' list library (k8s.io/apiserver/pkg/cel/library/lists.go): isSorted, sum, min, max, indexOf, lastIndexOf,
 * includes; and cel-go's sets extension (sets.contains, sets.equivalent, sets.intersects) that Kubernetes enables since 1.29.
 */

const { BOOL, DYN, INT } = CelScalar;
const LIST = listType(DYN);

function isSorted(list: CelList): boolean {
  let prev: CelValue | undefined;
  for (const v of list) {
    if (prev !== undefined && less(v, prev)) return false;
    prev = v;
  }
  return true;
}

function sum(list: CelList): CelValue {
  let acc: CelValue | undefined;
  for (const v of list) acc = acc === undefined ? v : add(acc, v);
  // An empty list has no element type at run time; cel-go returns the zero of the declared type, int for dyn.
  return acc ?? 0n;
}

function extreme(list: CelList, name: 'min' | 'max'): CelValue {
  let best: CelValue | undefined;
  for (const v of list) {
    if (best === undefined) best = v;
    else if (name === 'min' ? less(v, best) : less(best, v)) best = v;
  }
  if (best === undefined) throw new Error(`${name} called on empty list`);
  return best;
}

function indexOf(list: CelList, item: CelValue, last: boolean): bigint {
  let found = -1;
  let i = 0;
  for (const v of list) {
    if (equal(v, item)) {
      found = i;
      if (!last) break;
    }
    i++;
  }
  return BigInt(found);
}

function containsAll(haystack: CelList, needles: CelList): boolean {
  for (const n of needles) {
    let hit = false;
    for (const h of haystack) {
      if (equal(h, n)) {
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  return true;
}

export const listFuncs: CelFunc[] = [
  celMethod('isSorted', LIST, [], BOOL, function () {
    return isSorted(this);
  }),
  celMethod('sum', LIST, [], DYN, function () {
    return sum(this);
  }),
  celMethod('min', LIST, [], DYN, function () {
    return extreme(this, 'min');
  }),
  celMethod('max', LIST, [], DYN, function () {
    return extreme(this, 'max');
  }),
  celMethod('indexOf', LIST, [DYN], INT, function (item) {
    return indexOf(this, item, false);
  }),
  celMethod('lastIndexOf', LIST, [DYN], INT, function (item) {
    return indexOf(this, item, true);
  }),
  celMethod('includes', DYN, [DYN], BOOL, function (item) {
    return isCelList(this) ? indexOf(this, item, false) >= 0n : equal(this, item);
  }),
  celFunc('sets.contains', [LIST, LIST], BOOL, (a, b) => containsAll(a, b)),
  celFunc('sets.equivalent', [LIST, LIST], BOOL, (a, b) => containsAll(a, b) && containsAll(b, a)),
  celFunc('sets.intersects', [LIST, LIST], BOOL, (a, b) => {
    for (const x of b) for (const y of a) if (equal(x, y)) return true;
    return false;
  }),
];
