#!/usr/bin/env python3
"""Ordered pairs for src/ecosystems/debian/fixtures/versions.txt from `dpkg --compare-versions`.

Candidates: hand-picked edge cases, the `Version:` fields of the dpkg status files in /work/shared/corpus/lockfiles/dpkg
and fixed versions from the Debian security tracker's DSA.list. Sorted with dpkg as the comparator; output is the
sorted list as adjacent pairs plus seeded random pairs, every verdict straight from dpkg.
"""
import functools, glob, random, re, subprocess, sys

EDGE = """
0 00 1 01 1.0 1.00 1.0.0 1.1 1.01 1.10 1.9 10 2 1a 1b 1.0a 1.0b 1.0A 1.0Z 1.0+ 1.0. 1.0+a 1.0.a 1.0a. 1.0a+ 1.0~ 1.0~~
1.0~~a 1.0~a 1.0~rc1 1.0~rc2 1.0~rc1-1 1.0~beta1 1.0~alpha 1.0-0 1.0-1 1.0-00 1.0-1~ 1.0-1~bpo1 1.0-1+b1 1.0-1.1
1.0-1a 1.0-1.a 1.0-10 1.0-2 1.0-1ubuntu1 1.0-1ubuntu0.1 1.0-1~deb12u1 1.0-1+deb12u1 1.0-1~ubuntu20.04
0:1.0 1:0.1 1:1.0 2:0 10:0.1 9:9 00:1.0 1:1.0-1 1:1.0:1 1.0:1 1:1-2-3 1-2-3 1-2-3-4 1.0-a-b
1.2.3+dfsg 1.2.3+dfsg-1 1.2.3+dfsg1-1 1.2.3~dfsg-1 1.2.3.dfsg-1 1.2.3dfsg-1 2.30-1 2.3-1 2.3a-1 2.3+git20200101-1
99999999999999999999 100000000000000000000 1.99999999999999999999 1.100000000000000000000 0099 1.0099 1.099
1.0~rc1+dfsg 1.0+dfsg~rc1 1.0+~ 1.0~+ 1.0++ 1.0-+ 1.0-~ 1.0-~~ 1.0-1~~ 7.4.052-1ubuntu3 7.4.052-1ubuntu3.1
"""
# Versions dpkg rejects (error) or only compares with a "bad syntax" warning; emitted as `! v` lines.
BAD = """
: - 1: :1 1.0- a 1:a 1.0:1 1_0 1.0@ 1.0-a_b é ~1 1:-1 2147483648:1 1.0-1:2 +1.0 .1 1#0 1,0 1.0-1_1 1.0/1
"""


def run(a, op, b):
    return subprocess.run(['dpkg', '--compare-versions', a, op, b], stderr=subprocess.DEVNULL).returncode == 0


def cmp(a, b):
    if run(a, 'lt', b):
        return -1
    return 0 if run(a, 'eq', b) else 1


def syntax_error(v):
    """dpkg's complaint about a version (error or warning), or None when dpkg accepts it silently."""
    p = subprocess.run(['dpkg', '--compare-versions', v, 'eq', v], stderr=subprocess.PIPE, text=True)
    msg = p.stderr.strip().splitlines()
    return msg[0].split('bad syntax: ')[-1] if msg or p.returncode != 0 else None


def main():
    cands = set(EDGE.split()) | set(BAD.split())
    for f in glob.glob('/work/shared/corpus/lockfiles/dpkg/*/status'):
        for line in open(f, encoding='utf-8'):
            if line.startswith('Version: '):
                cands.add(line[9:].strip())
    dsa = []
    for line in open('/work/shared/data/osv/non-osv/debian-security-tracker/DSA.list', encoding='utf-8'):
        m = re.match(r'^\t\[\w+\] - \S+ (\S+)', line)
        if m and m.group(1)[0].isdigit():
            dsa.append(m.group(1))
    rng = random.Random(20240601)
    dsa = sorted(set(dsa))
    cands.update(rng.sample(dsa, min(250, len(dsa))))
    out = []
    for v in sorted(cands):
        e = syntax_error(v)
        if e is not None:
            out.append(f'! {v}  # dpkg: {e}')
            cands.discard(v)
    ordered = sorted(sorted(cands), key=functools.cmp_to_key(cmp))  # pre-sorted: equal versions keep a fixed order
    for a, b in zip(ordered, ordered[1:]):
        c = cmp(a, b)
        out.append(f'{a} == {b}' if c == 0 else f'{a} < {b}' if c < 0 else f'{b} < {a}')
    for _ in range(150):
        a, b = rng.sample(ordered, 2)
        c = cmp(a, b)
        out.append(f'{a} == {b}' if c == 0 else f'{a} < {b}' if c < 0 else f'{b} < {a}')
    sys.stdout.write('\n'.join(out) + '\n')


main()
