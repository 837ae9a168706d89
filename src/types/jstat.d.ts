// Minimal types for `jstat` 1.9 (ships none): only the distribution functions src/algorithms/experiments uses.
// jstat is CommonJS; `import jStat from 'jstat'` gets module.exports through Node's interop.
declare module 'jstat' {
  interface JStat {
    normal: {
      cdf(x: number, mean: number, sd: number): number;
      inv(p: number, mean: number, sd: number): number;
    };
    studentt: {
      cdf(x: number, dof: number): number;
      inv(p: number, dof: number): number;
    };
    chisquare: {
      cdf(x: number, dof: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
