import type { RedactionFinding, RedactionResult, RedactionRule } from './redactionTypes';

/** A finding before merging, tied to its rule. */
interface Hit {
  readonly rule: RedactionRule;
  readonly order: number;
  readonly start: number;
  readonly end: number;
}

/** Merged hits: named by the first; masked by its rule only when it spans the whole group. */
interface Group {
  readonly first: Hit;
  end: number;
}

/** A stretch of the output and the stretch of the input it came from. */
interface Piece {
  readonly outStart: number;
  readonly outEnd: number;
  readonly inStart: number;
  readonly inEnd: number;
  readonly replaced: boolean;
}

function scan(rules: readonly RedactionRule[], text: string): Hit[] {
  const hits: Hit[] = [];
  rules.forEach((rule, order) => {
    for (const range of rule.find(text)) {
      const start = Math.max(0, Math.min(range.start, text.length));
      const end = Math.max(start, Math.min(range.end, text.length));
      if (end > start) hits.push({ rule, order, start, end });
    }
  });
  return hits;
}

/** Sorts hits (start, then longest, then rule order) and merges overlapping or touching ones. */
function merge(hits: readonly Hit[]): Group[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const groups: Group[] = [];
  for (const hit of sorted) {
    const last = groups.at(-1);
    if (last !== undefined && hit.start <= last.end) last.end = Math.max(last.end, hit.end);
    else groups.push({ first: hit, end: hit.end });
  }
  return groups;
}

function render(text: string, groups: readonly Group[], replacement: string) {
  const pieces: Piece[] = [];
  let output = '';
  let cursor = 0;
  const push = (inStart: number, inEnd: number, piece: string, replaced: boolean) => {
    pieces.push({
      outStart: output.length,
      outEnd: output.length + piece.length,
      inStart,
      inEnd,
      replaced,
    });
    output += piece;
  };
  for (const { first, end } of groups) {
    if (first.start > cursor) push(cursor, first.start, text.slice(cursor, first.start), false);
    const match = text.slice(first.start, end);
    const mask = end === first.end ? first.rule.mask : undefined;
    push(first.start, end, mask === undefined ? replacement : mask(match), true);
    cursor = end;
  }
  if (cursor < text.length) push(cursor, text.length, text.slice(cursor), false);
  return { output, pieces };
}

/** The input range an output range came from; `undefined` if it lies within replaced pieces. */
function toInput(pieces: readonly Piece[], hit: Hit): Hit | undefined {
  let start = Infinity;
  let end = -Infinity;
  let fresh = false;
  for (const piece of pieces) {
    if (piece.outEnd <= hit.start || piece.outStart >= hit.end) continue;
    if (piece.replaced) {
      start = Math.min(start, piece.inStart);
      end = Math.max(end, piece.inEnd);
    } else {
      fresh = true;
      start = Math.min(start, piece.inStart + Math.max(0, hit.start - piece.outStart));
      end = Math.max(end, piece.inStart + (Math.min(hit.end, piece.outEnd) - piece.outStart));
    }
  }
  return fresh ? { ...hit, start, end } : undefined;
}

/**
 * Redacts `text` with `rules` to a fixed point: masking can bring text together that a rule
 * then matches (a number that followed an email, say), so the output is scanned again and any
 * new finding is mapped back to the input and merged, until the output holds no finding outside
 * masked stretches. Each round masks more input, so this ends.
 *
 * @internal
 */
export function redactText(
  rules: readonly RedactionRule[],
  replacement: string,
  text: string,
): RedactionResult {
  let hits = scan(rules, text);
  if (hits.length === 0) return { text, findings: [] };
  for (;;) {
    const groups = merge(hits);
    const { output, pieces } = render(text, groups, replacement);
    const fresh = scan(rules, output).flatMap((hit) => toInput(pieces, hit) ?? []);
    if (fresh.length === 0) {
      const findings: RedactionFinding[] = groups.map(({ first, end }) => ({
        rule: first.rule.name,
        start: first.start,
        end,
      }));
      return { text: output, findings };
    }
    hits = [...hits, ...fresh];
  }
}
