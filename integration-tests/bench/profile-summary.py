#!/usr/bin/env python3
"""Summarises an async-profiler collapsed-stack file taken with 'threads' (run.sh PROFILER=...).

    profile-summary.py <profile.collapsed> [thread-name-part [frame-regex]]

Prints each thread group's share of all samples (thread names without their digits, as threads-<path>.txt
groups them); with a thread-name part (e.g. 'exec' for the request threads), that group's samples by layer
(the innermost frame's library; JDK and native frames are charged to the nearest library frame above them,
so 'kernel/native <- tomcat' is Tomcat's socket writes and reads), then its heaviest frames inclusive,
optionally only those matching frame-regex. With event=itimer the samples include the time a thread spends
in the kernel (socket writes, futex wake-ups, fdatasync), which JFR's execution samples leave out.
"""
import collections
import re
import sys

LAYERS = [('org/apache/catalina', 'tomcat'), ('org/apache/coyote', 'tomcat'), ('org/apache/tomcat', 'tomcat'),
          ('org/apache/camel', 'camel'), ('ir/nix', 'nix'), ('tools/jackson', 'jackson'),
          ('com/fasterxml/jackson', 'jackson'), ('org/apache/hc', 'httpcore'), ('io/github/resilience4j', 'resilience4j'),
          ('org/apache/activemq', 'artemis'), ('org/h2', 'h2'), ('org/postgresql', 'pgjdbc'),
          ('io/micrometer', 'micrometer'), ('org/springframework', 'spring'), ('org/apache/cxf', 'cxf'),
          ('ch/qos/logback', 'logback'), ('java/', 'jdk'), ('jdk/', 'jdk'), ('sun/', 'jdk')]


def layer(frame):
    if '/' not in frame:
        return 'kernel/native'
    for prefix, name in LAYERS:
        if frame.startswith(prefix):
            return name
    parts = frame.split('/')
    return '/'.join(parts[:2]) if len(parts) > 2 else 'other'


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    group = sys.argv[2] if len(sys.argv) > 2 else None
    pattern = re.compile(sys.argv[3]) if len(sys.argv) > 3 else None
    total = 0
    threads = collections.Counter()
    layers = collections.Counter()
    inclusive = collections.Counter()
    in_group = 0
    with open(sys.argv[1]) as profile:
        for line in profile:
            stack, count = line.rstrip('\n').rsplit(' ', 1)
            count = int(count)
            frames = stack.split(';')
            total += count
            thread = re.sub(r'\d+', '#', re.sub(r' tid=\d+', '', frames[0]))
            threads[thread] += count
            if group is None or group not in frames[0]:
                continue
            in_group += count
            innermost = layer(frames[-1])
            if innermost in ('jdk', 'kernel/native'):
                owner = next((layer(f) for f in reversed(frames[1:]) if layer(f) not in ('jdk', 'kernel/native')), '?')
                innermost += ' <- ' + owner
            layers[innermost] += count
            for frame in set(frames[1:]):
                inclusive[frame] += count
    print(f'{total} samples')
    for thread, count in threads.most_common(15):
        print(f'{100 * count / total:5.1f}%  {thread}')
    if group is None or in_group == 0:
        return
    print(f'\n{group}: {in_group} samples ({100 * in_group / total:.1f}%), by layer')
    for name, count in layers.most_common(20):
        print(f'{100 * count / in_group:5.1f}%  {name}')
    print(f'\n{group}: heaviest frames, inclusive')
    shown = 0
    for frame, count in inclusive.most_common():
        if pattern is None or pattern.search(frame):
            print(f'{100 * count / in_group:5.1f}%  {frame}')
            shown += 1
            if shown == 40:
                break


if __name__ == '__main__':
    main()
