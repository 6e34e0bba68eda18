package org.doudi.funds.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of the fund chart page: scripts only from this origin plus the page's own inline script,
 * allowed by its SHA-256 (computed here from the shipped page, so an edit of the page cannot leave a stale hash); data
 * only from this origin; no plugins, no foreign form targets; framed only by pages of this origin (Cockpit's 资金监测 page
 * shows it in a frame, docs/supervision-cockpit.md), never by another site. Inline style attributes stay allowed (the
 * legend's colours): styles cannot run code.
 */
final class FundsPagePolicy {

  static final String PAGE = "static/funds/index.html";
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

  private FundsPagePolicy() {}

  static String value() {
    StringBuilder scripts = new StringBuilder("'self'");
    for (String hash : inlineScriptHashes()) {
      scripts.append(" 'sha256-").append(hash).append('\'');
    }
    return "default-src 'self'; script-src " + scripts + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
  }

  static List<String> inlineScriptHashes() {
    try (InputStream in = FundsPagePolicy.class.getClassLoader().getResourceAsStream(PAGE)) {
      if (in == null) {
        return List.of();
      }
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> hashes = new ArrayList<>();
      Matcher m = INLINE_SCRIPT.matcher(html);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      while (m.find()) {
        hashes.add(Base64.getEncoder().encodeToString(sha.digest(m.group(1).getBytes(StandardCharsets.UTF_8))));
      }
      return hashes;
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot read " + PAGE, e);
    }
  }
}
