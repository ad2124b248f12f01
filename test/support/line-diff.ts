// A line diff (longest common subsequence) for asserting that an edit touched exactly the lines it should.
export interface LineDiff {
  /** 1-based line numbers in the old text, with their text. */
  readonly removed: [number, string][];
  /** 1-based line numbers in the new text, with their text. */
  readonly added: [number, string][];
}

/** Lines removed from `before` and added in `after`; both empty when the texts are equal. */
export function diffLines(before: string, after: string): LineDiff {
  const a = before.split('\n');
  const b = after.split('\n');
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const removed: [number, string][] = [];
  const added: [number, string][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) {
      added.push([j + 1, b[j]!]);
      j++;
    } else {
      removed.push([i + 1, a[i]!]);
      i++;
    }
  }
  return { removed, added };
}
