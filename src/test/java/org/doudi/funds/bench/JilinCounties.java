package org.doudi.funds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Jilin's county-level divisions with a weight for how many 低保/特困 households each carries, read from
 * {@code jilin-counties.csv} next to this class (codes real, weights an assumption documented in the file).
 */
public final class JilinCounties {

  public record County(String code, String name, String city, boolean district, int population10k, boolean poverty,
      double weight) {}

  private final List<County> counties;
  private final double[] cumulative;

  private JilinCounties(List<County> counties) {
    this.counties = List.copyOf(counties);
    this.cumulative = new double[counties.size()];
    double sum = 0;
    for (int i = 0; i < counties.size(); i++) {
      sum += counties.get(i).weight();
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  public static JilinCounties load() {
    try (InputStream in = JilinCounties.class.getResourceAsStream("jilin-counties.csv")) {
      if (in == null) {
        throw new IllegalStateException("jilin-counties.csv missing from the test classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<County> list = new ArrayList<>();
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",");
        boolean district = "D".equals(f[3]);
        int pop = Integer.parseInt(f[4]);
        boolean poverty = "1".equals(f[5]);
        double weight = pop * (district ? 0.6 : 1.0) * (poverty ? 1.5 : 1.0);
        list.add(new County(f[0], f[1], f[2], district, pop, poverty, weight));
      }
      return new JilinCounties(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<County> all() {
    return counties;
  }

  /** A county drawn with probability proportional to its weight. */
  public County pick(Random random) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return counties.get(lo);
  }

  /** Expected share of all households for a county (its weight over the sum). */
  public double share(County c) {
    double sum = counties.stream().mapToDouble(County::weight).sum();
    return c.weight() / sum;
  }
}
