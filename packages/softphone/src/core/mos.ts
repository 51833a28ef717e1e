/**
 * An estimated mean opinion score (1 to 4.5) from network figures, after the ITU-T G.107
 * E-model as simplified for VoIP monitoring: the one-way delay is half the round trip plus
 * twice the jitter plus 10 ms of codec delay; the R factor loses that delay's impairment and
 * 2.5 points per percent of packets lost.
 */
export function estimateMos(roundTripMs: number, jitterMs: number, lossPercent: number): number {
  const delay = roundTripMs / 2 + 2 * jitterMs + 10;
  const delayImpairment = delay < 160 ? delay / 40 : (delay - 120) / 10;
  const r = Math.min(93.2, Math.max(0, 93.2 - delayImpairment - 2.5 * lossPercent));
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return Math.round(Math.min(4.5, Math.max(1, mos)) * 100) / 100;
}
