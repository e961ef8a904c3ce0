import { readdirSync, readFileSync } from "node:fs";

/**
 * Memory of a process and its descendants, read from /proc (Linux): the server may serve from a child process
 * (as `next start` does with next-server), so the tree is what the server uses.
 */
export function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the parent pid follows the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Resident memory (VmRSS) or its peak so far (VmHWM) of the tree, in bytes. */
export function readTreeMemory(root: number, field: "VmRSS" | "VmHWM"): number {
  return processTree(root).reduce((sum, pid) => sum + readMemory(pid, field), 0);
}

function readMemory(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return Number(match?.[1] ?? 0) * 1024;
  } catch {
    return 0; // the process is gone
  }
}

/** Samples the tree's resident memory every `everyMs` until stopped; returns the highest sample. */
export function watchMemory(root: number, everyMs = 10): { stop: () => number } {
  const tree = processTree(root);
  const read = () => tree.reduce((sum, pid) => sum + readMemory(pid, "VmRSS"), 0);
  let max = read();
  const timer = setInterval(() => {
    max = Math.max(max, read());
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(max, read());
    },
  };
}
