import { DEFAULT_SCORING_CONFIG } from './scoring-config';

/** The six model features of DESIGN §4.3. */
export const CHURN_FEATURES = [
  'usage_frequency',
  'feature_adoption',
  'support_tickets',
  'payment_delays',
  'engagement_score',
  'roi_achievement',
] as const;

export type ChurnFeature = (typeof CHURN_FEATURES)[number];
export type ChurnFeatures = Record<ChurnFeature, number>;

export interface ChurnTrainingRow {
  features: ChurnFeatures;
  churned: boolean;
}

export interface ChurnTrainOptions {
  seed: number;
  /** Share of rows held out for the AUC (default 0.25). */
  holdoutFraction?: number;
  /** Fewest labelled rows before a model is shown (default config.churnModel.minLabelled = 30). */
  minLabelled?: number;
  iterations?: number;
  learningRate?: number;
  l2?: number;
}

export interface ChurnModel {
  status: 'ok';
  /** Coefficients on standardized features: the change in log-odds per standard deviation. */
  coefficients: Record<ChurnFeature, number>;
  intercept: number;
  /** Rank AUC on the held-out rows; null when the holdout lacks one of the classes. */
  aucHoldout: number | null;
  /** Labelled rows used in total (train + holdout). */
  n: number;
  means: Record<ChurnFeature, number>;
  stds: Record<ChurnFeature, number>;
}

export interface ChurnModelUnavailable {
  status: 'insufficient_data';
  n: number;
  reason: 'too_few_labelled' | 'single_class';
}

export type ChurnModelResult = ChurnModel | ChurnModelUnavailable;

/** mulberry32: a tiny seeded PRNG so training splits are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function featureStats(rows: readonly ChurnTrainingRow[]) {
  const means = {} as Record<ChurnFeature, number>;
  const stds = {} as Record<ChurnFeature, number>;
  for (const f of CHURN_FEATURES) {
    const mean = rows.reduce((s, r) => s + r.features[f], 0) / rows.length;
    const variance = rows.reduce((s, r) => s + (r.features[f] - mean) ** 2, 0) / rows.length;
    means[f] = mean;
    // A constant feature would divide by zero; std 1 makes it a column of zeros (coefficient 0).
    stds[f] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  return { means, stds };
}

/** Rank (Mann-Whitney) AUC with mid-ranks for ties; null when one class is absent. */
export function rankAuc(scores: readonly number[], labels: readonly boolean[]): number | null {
  const idx = scores.map((s, i) => ({ s, y: labels[i] === true }));
  const pos = idx.filter((p) => p.y).length;
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return null;
  idx.sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]?.s === idx[i]?.s) j += 1;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) if (idx[k]?.y) rankSumPos += midRank;
    i = j + 1;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

function standardize(f: ChurnFeatures, means: ChurnFeatures, stds: ChurnFeatures): number[] {
  return CHURN_FEATURES.map((k) => (f[k] - means[k]) / stds[k]);
}

/** Fits the churn logistic regression (DESIGN §4.3); hidden below minLabelled rows or one class. */
export function trainChurnModel(rows: readonly ChurnTrainingRow[], options: ChurnTrainOptions): ChurnModelResult {
  const n = rows.length;
  const minLabelled = options.minLabelled ?? DEFAULT_SCORING_CONFIG.churnModel.minLabelled;
  if (n < minLabelled) return { status: 'insufficient_data', n, reason: 'too_few_labelled' };
  const churnedCount = rows.filter((r) => r.churned).length;
  if (churnedCount === 0 || churnedCount === n) return { status: 'insufficient_data', n, reason: 'single_class' };

  const order = shuffled(rows, mulberry32(options.seed));
  const holdoutSize = Math.floor(n * (options.holdoutFraction ?? 0.25));
  const holdout = order.slice(0, holdoutSize);
  const train = order.slice(holdoutSize);
  const { means, stds } = featureStats(train);
  const x = train.map((r) => standardize(r.features, means, stds));
  const y = train.map((r) => (r.churned ? 1 : 0));

  const iterations = options.iterations ?? 500;
  const lr = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 0.01;
  const w = CHURN_FEATURES.map(() => 0);
  let b = 0;
  for (let it = 0; it < iterations; it += 1) {
    const grad = w.map(() => 0);
    let gradB = 0;
    for (let i = 0; i < x.length; i += 1) {
      const xi = x[i] as number[];
      const err = sigmoid(b + xi.reduce((s, v, k) => s + v * (w[k] as number), 0)) - (y[i] as number);
      gradB += err;
      for (let k = 0; k < w.length; k += 1) grad[k] = (grad[k] as number) + err * (xi[k] as number);
    }
    const m = x.length;
    for (let k = 0; k < w.length; k += 1) w[k] = (w[k] as number) - lr * ((grad[k] as number) / m + l2 * (w[k] as number));
    b -= lr * (gradB / m);
  }

  const coefficients = {} as Record<ChurnFeature, number>;
  CHURN_FEATURES.forEach((f, k) => {
    coefficients[f] = w[k] as number;
  });
  const model: ChurnModel = { status: 'ok', coefficients, intercept: b, aucHoldout: null, n, means, stds };
  model.aucHoldout = rankAuc(
    holdout.map((r) => predictChurn(model, r.features)),
    holdout.map((r) => r.churned),
  );
  return model;
}

/** Churn probability 0..1 for one account's features. */
export function predictChurn(model: ChurnModel, features: ChurnFeatures): number {
  const z = standardize(features, model.means, model.stds).reduce(
    (s, v, k) => s + v * model.coefficients[CHURN_FEATURES[k] as ChurnFeature],
    model.intercept,
  );
  return sigmoid(z);
}
