/*
 * Reference kernel for bench/propagation.ts: one LightGCN propagation layer Y = A X, A in CSR (int32 indptr /
 * indices, float32 values), X dense row-major n x d float32. Same algorithm as src/algorithms/recs/spmm.ts.
 * Input file (little-endian, written by the TS side):
 *   int32 n, int32 nnz, int32 d, int32 indptr[n + 1], int32 indices[nnz], float32 values[nnz], float32 x[n * d]
 * Usage: spmm <file> <runs> <threads>   -> prints "median_ms <ms> checksum <sum of Y>"
 * Build: gcc -O3 -march=native -fopenmp -o spmm spmm.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void spmm(int n, int d, const int *restrict indptr, const int *restrict indices, const float *restrict values,
                 const float *restrict x, float *restrict y) {
#pragma omp parallel for schedule(dynamic, 256)
  for (int r = 0; r < n; r++) {
    float *restrict yr = y + (size_t)r * d;
    for (int j = 0; j < d; j++) yr[j] = 0.f;
    for (int p = indptr[r]; p < indptr[r + 1]; p++) {
      const float v = values[p];
      const float *restrict xr = x + (size_t)indices[p] * d;
      for (int j = 0; j < d; j++) yr[j] += v * xr[j];
    }
  }
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s <file> <runs> <threads>\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror("open"); return 1; }
  int hdr[3];
  if (fread(hdr, sizeof(int), 3, f) != 3) return 1;
  int n = hdr[0], nnz = hdr[1], d = hdr[2];
  int *indptr = malloc(sizeof(int) * (n + 1));
  int *indices = malloc(sizeof(int) * nnz);
  float *values = malloc(sizeof(float) * nnz);
  float *x = malloc(sizeof(float) * (size_t)n * d);
  float *y = malloc(sizeof(float) * (size_t)n * d);
  if (fread(indptr, sizeof(int), n + 1, f) != (size_t)(n + 1) || fread(indices, sizeof(int), nnz, f) != (size_t)nnz ||
      fread(values, sizeof(float), nnz, f) != (size_t)nnz || fread(x, sizeof(float), (size_t)n * d, f) != (size_t)n * d) {
    fprintf(stderr, "short read\n");
    return 1;
  }
  fclose(f);
  int runs = atoi(argv[2]);
#ifdef _OPENMP
  omp_set_num_threads(atoi(argv[3]));
#endif
  double *t = malloc(sizeof(double) * runs);
  spmm(n, d, indptr, indices, values, x, y); /* warm-up */
  for (int k = 0; k < runs; k++) {
    double t0 = now_ms();
    spmm(n, d, indptr, indices, values, x, y);
    t[k] = now_ms() - t0;
  }
  qsort(t, runs, sizeof(double), cmp_double);
  double sum = 0;
  for (size_t i = 0; i < (size_t)n * d; i++) sum += y[i];
  printf("median_ms %.3f min_ms %.3f checksum %.6e\n", t[runs / 2], t[0], sum);
  return 0;
}
