package org.doudi.e2e.bench;

/** One kind of case the benchmark runs: starts a case and drives it to its end. */
interface Scenario {

  String name();

  /** Runs case number {@code i} from start to end; returns the user tasks completed. */
  int runOne(int i);
}
