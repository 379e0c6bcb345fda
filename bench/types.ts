export interface BenchResult {
  name: string;
  metrics: Record<string, string | number>;
}
